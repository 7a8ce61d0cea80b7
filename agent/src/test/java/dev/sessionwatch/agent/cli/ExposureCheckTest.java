package dev.sessionwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.config.AgentConfig;
import dev.sessionwatch.agent.config.ConfigLoader;
import org.junit.jupiter.api.Test;

/** Which listen addresses {@code serve} refuses, checked without binding any. */
class ExposureCheckTest {
  private static AgentConfig config(String yaml) throws Exception {
    return ConfigLoader.parse(yaml);
  }

  @Test
  void loopbackIsServedWithoutTlsOrTokens() throws Exception {
    assertThat(ExposureCheck.problem(config("listen: 127.0.0.1:7878"), 0)).isEmpty();
    assertThat(ExposureCheck.problem(config("listen: '[::1]:7878'"), 0)).isEmpty();
  }

  @Test
  void anyOtherAddressWithoutTlsIsRefusedNamingTheSetting() throws Exception {
    assertThat(ExposureCheck.problem(config("listen: 0.0.0.0:7878"), 1))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .contains("0.0.0.0:7878")
                    .contains("tls: {enabled: true}")
                    .doesNotContain("token create"));
  }

  @Test
  void anyOtherAddressWithoutATokenIsRefusedSayingHowToMakeOne() throws Exception {
    AgentConfig config = config("listen: 192.0.2.7:7878\ntls: {enabled: true}");

    assertThat(ExposureCheck.problem(config, 0))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .contains("sessionwatch-agent token create --name NAME --role operator")
                    .doesNotContain("TLS is off"));
  }

  @Test
  void anyOtherAddressIsServedWithTlsAndAToken() throws Exception {
    assertThat(ExposureCheck.problem(config("listen: 0.0.0.0:7878\ntls: {enabled: true}"), 1))
        .isEmpty();
  }
}
