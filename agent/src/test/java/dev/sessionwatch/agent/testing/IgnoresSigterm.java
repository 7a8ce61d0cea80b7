package dev.sessionwatch.agent.testing;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A program that ignores SIGTERM and sleeps: what a stubborn process looks like to the agent. Run
 * in its own JVM; prints {@code ready} once SIGTERM is ignored.
 */
public final class IgnoresSigterm {

  private IgnoresSigterm() {}

  public static void main(String[] args) throws InterruptedException {
    Signal.handle(new Signal("TERM"), SignalHandler.SIG_IGN);
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(600_000);
  }
}
