package dev.sessionwatch.agent.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionwatch.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing what the FTP servers' who-tools print, grown from the samples captured from the real
 * tools (in the agent's tests) to {@code connections} connections. In the parsers' package, as they
 * are not public.
 */
@State(Scope.Benchmark)
public class FtpWhoBenchmark {
  @Param({"10", "100", "1000"})
  public int connections;

  private String proftpdJson;
  private String pureFtpdXml;

  @Setup
  public void growSamples() throws IOException {
    JsonNode sample = Json.mapper().readTree(sample("ftpwho-json-six-sessions.json"));
    ArrayNode captured = (ArrayNode) sample.get("connections");
    ArrayNode grown = Json.mapper().createArrayNode();
    for (int index = 0; index < connections; index++) {
      ObjectNode connection = captured.get(index % captured.size()).deepCopy();
      connection.put("pid", 20_000 + index);
      grown.add(connection);
    }
    ((ObjectNode) sample).set("connections", grown);
    proftpdJson = Json.mapper().writeValueAsString(sample);

    List<String> clients =
        sample("pure-ftpwho-x-four-sessions.xml")
            .lines()
            .filter(line -> line.contains("<client "))
            .toList();
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<status>\n");
    for (int index = 0; index < connections; index++) {
      xml.append(
              clients
                  .get(index % clients.size())
                  .replaceFirst("pid=\"\\d+\"", "pid=\"" + (20_000 + index) + "\""))
          .append('\n');
    }
    pureFtpdXml = xml.append("</status>\n").toString();
  }

  private static String sample(String name) throws IOException {
    try (InputStream in = FtpWhoBenchmark.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no sample " + name + " in the agent's test jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Benchmark
  public List<?> parseProftpdJson() {
    return ProftpdWhoJson.parse(proftpdJson);
  }

  @Benchmark
  public List<?> parsePureFtpWhoXml() {
    return PureFtpWhoXml.parse(pureFtpdXml);
  }
}
