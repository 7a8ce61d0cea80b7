package dev.sessionwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestLimitsSettingsTest {
  @Test
  void jdkServerLimitsLieAboveTheAgentsOwn() {
    RequestLimits limits = new RequestLimits(8192, 16384, 65536, Duration.ofMillis(2500), 64);

    assertThat(limits.jdkServerProperties())
        .containsEntry("sun.net.httpserver.maxReqTime", "5")
        .containsEntry("sun.net.httpserver.maxReqHeaderSize", "28672")
        .containsEntry("jdk.httpserver.maxConnections", "1024");
  }
}
