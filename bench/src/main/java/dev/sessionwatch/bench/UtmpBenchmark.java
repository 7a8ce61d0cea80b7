package dev.sessionwatch.bench;

import dev.sessionwatch.agent.terminal.UtmpParser;
import dev.sessionwatch.agent.terminal.UtmpRecord;
import dev.sessionwatch.agent.testing.UtmpEntryBytes;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Parsing a utmp file of terminal logins. */
@State(Scope.Benchmark)
public class UtmpBenchmark {
  private static final int USER_PROCESS = 7;

  @Param({"10", "100", "1000"})
  public int logins;

  private byte[] file;

  @Setup
  public void makeFile() {
    UtmpEntryBytes[] entries = new UtmpEntryBytes[logins];
    for (int index = 0; index < logins; index++) {
      entries[index] =
          new UtmpEntryBytes()
              .type(USER_PROCESS)
              .pid(10_000 + index)
              .line("pts/" + index)
              .id("ts" + index % 100)
              .user("user" + index % 20)
              .host("203.0.113." + (index % 250 + 1))
              .session(10_000 + index)
              .time(1_795_439_090 + index, 0)
              .address((byte) 203, (byte) 0, (byte) 113, (byte) (index % 250 + 1));
    }
    file = UtmpEntryBytes.file(entries);
  }

  @Benchmark
  public List<UtmpRecord> parseUtmp() {
    return UtmpParser.parse(file);
  }
}
