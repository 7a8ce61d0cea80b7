package dev.sessionwatch.agent.cli;

import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.config.AgentConfig;
import dev.sessionwatch.agent.tls.AgentKeyStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code fingerprint}: the SHA-256 fingerprint of the agent's TLS certificate, as a console shows
 * it before the operator trusts the agent.
 */
@Command(
    name = "fingerprint",
    description =
        "Print the SHA-256 fingerprint of the agent's TLS certificate, as consoles show it"
            + " (creating the self-signed certificate first when there is none yet).")
final class FingerprintCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AgentConfig loaded = config.load();
    if (!loaded.tls().enabled()) {
      throw new AgentCommand.UsageProblem(
          "TLS is off, so the agent has no certificate: set `tls: {enabled: true}` in the"
              + " configuration file");
    }
    AgentKeyStore keys = ServeCommand.openKeyStore(loaded, AgentIdentity.ofThisHost());
    spec.commandLine().getOut().println(keys.fingerprint());
    spec.commandLine().getOut().flush();
    if (keys.created()) {
      spec.commandLine()
          .getErr()
          .println("Created a self-signed certificate in " + keys.file() + ".");
    }
    return 0;
  }
}
