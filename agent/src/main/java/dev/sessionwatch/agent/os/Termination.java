package dev.sessionwatch.agent.os;

/**
 * What {@link ProcessSignaller#end} did.
 *
 * @param signalled processes sent SIGTERM
 * @param forced of those, the ones still running after the grace and sent SIGKILL
 * @param ended of the processes asked for, the ones seen gone (or zombies) at the end
 * @param running processes still running at the end (not permitted, or stuck in the kernel)
 * @param vanished processes that had already ended or been replaced before their signal
 */
public record Termination(int signalled, int forced, int ended, int running, int vanished) {

  /** Whether nothing that was asked for is still running. */
  public boolean allEnded() {
    return running == 0;
  }

  /** For a person: "sent SIGTERM to 3 processes, SIGKILL to 1; all ended". */
  public String describe() {
    StringBuilder text = new StringBuilder("sent SIGTERM to ").append(count(signalled));
    if (forced > 0) {
      text.append(", SIGKILL to ").append(forced);
    }
    text.append(running == 0 ? "; all ended" : "; " + running + " still running");
    if (vanished > 0) {
      text.append("; ").append(count(vanished)).append(" had already ended");
    }
    return text.toString();
  }

  private static String count(int processes) {
    return processes + (processes == 1 ? " process" : " processes");
  }
}
