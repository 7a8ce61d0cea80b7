package dev.sessionwatch.agent.ftp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionwatch.protocol.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code ftpwho -f SCOREBOARD -o json}, as ProFTPD 1.3.8 (Debian 12) prints it:
 *
 * <pre>
 * {"server": {"server_type": "standalone", "pid": 11531, "started_ms": 1795439088000},
 *  "connections": [{"pid": 11620, "connected_since_ms": 1795439090000,
 *    "remote_name": "127.0.0.1", "remote_address": "127.0.0.1", "local_address": "127.0.0.1",
 *    "local_port": 2121, "user": "alice", "protocol": "ftp", "location": "/home/alice",
 *    "command": "RETR", "command_args": "big.bin", "downloading": true,
 *    "transfer_completed": "3", "transfer_bytes": 163840, "transfer_duration_ms": 7200000}]}
 * </pre>
 *
 * <p>Seen there: {@code user} is absent while {@code authenticating} is true; an anonymous login
 * shows the system user it maps to; {@code *_ms} times are whole seconds times 1000; {@code
 * transfer_completed} is a string percentage, absent for uploads; {@code idle_since_ms} comes with
 * {@code idling} once a user is logged in. Pure: it reads nothing but its argument.
 */
final class ProftpdWhoJson {

  private ProftpdWhoJson() {}

  /**
   * The connections in ftpwho's output.
   *
   * @throws IllegalArgumentException when the text is not ftpwho's JSON; the message says what is
   *     wrong
   */
  static List<ProftpdConnection> parse(String json) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("connections").isArray()) {
      throw new IllegalArgumentException("no \"connections\" list in ftpwho's output");
    }
    List<ProftpdConnection> connections = new ArrayList<>();
    for (JsonNode connection : root.path("connections")) {
      connections.add(connection(connection));
    }
    return connections;
  }

  private static ProftpdConnection connection(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("a connection is not a JSON object: " + node);
    }
    Long pid = number(node, "pid");
    if (pid == null || pid <= 0) {
      throw new IllegalArgumentException("a connection has no valid \"pid\": " + node);
    }
    Long localPort = number(node, "local_port");
    return new ProftpdConnection(
        pid,
        instant(node, "connected_since_ms"),
        text(node, "remote_name"),
        text(node, "remote_address"),
        text(node, "local_address"),
        localPort == null ? null : localPort.intValue(),
        text(node, "user"),
        text(node, "class"),
        text(node, "protocol"),
        text(node, "location"),
        flag(node, "authenticating"),
        flag(node, "idling"),
        instant(node, "idle_since_ms"),
        text(node, "command"),
        text(node, "command_args"),
        flag(node, "downloading"),
        flag(node, "uploading"),
        percentage(node, "transfer_completed"),
        number(node, "transfer_bytes"),
        number(node, "transfer_duration_ms"));
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw wrong(key, "a string", value);
    }
    String text = value.asText();
    return text.isEmpty() ? null : text;
  }

  private static Long number(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrong(key, "a whole number", value);
    }
    return value.asLong();
  }

  private static boolean flag(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw wrong(key, "true or false", value);
    }
    return value.asBoolean();
  }

  private static Instant instant(JsonNode node, String key) {
    Long millis = number(node, key);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  /** ftpwho prints the percentage as a string ("3"); a number is taken too. */
  private static Double percentage(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    double percent;
    try {
      percent = value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText().trim());
    } catch (NumberFormatException e) {
      throw wrong(key, "a percentage", value);
    }
    if (!(percent >= 0 && percent <= 100)) {
      throw wrong(key, "a percentage from 0 to 100", value);
    }
    return percent;
  }

  private static IllegalArgumentException wrong(String key, String expected, JsonNode value) {
    return new IllegalArgumentException("\"" + key + "\" is not " + expected + ": " + value);
  }
}
