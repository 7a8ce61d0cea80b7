package dev.sessionwatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.SessionList;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The protocol's JSON mapping of a whole session list, both ways. */
@State(Scope.Benchmark)
public class JsonBenchmark {
  @Param({"100", "1000", "10000"})
  public int sessions;

  private final ObjectMapper mapper = Json.mapper();
  private SessionList list;
  private byte[] json;

  @Setup
  public void makeList() throws IOException {
    list = DemoLists.of(sessions);
    json = mapper.writeValueAsBytes(list);
  }

  @Benchmark
  public byte[] encodeSessionList() throws IOException {
    return mapper.writeValueAsBytes(list);
  }

  @Benchmark
  public SessionList decodeSessionList() throws IOException {
    return mapper.readValue(json, SessionList.class);
  }
}
