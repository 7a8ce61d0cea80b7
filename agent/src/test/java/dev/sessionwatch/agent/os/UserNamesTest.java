package dev.sessionwatch.agent.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserNamesTest {

  private static final String PASSWD =
      """
      root:x:0:0:root:/root:/bin/bash
      cockpit-wsinstance:x:106:106::/nonexistent:/usr/sbin/nologin
      alice:x:1001:1001:Alice,,,:/home/alice:/bin/bash
      """;

  @Test
  void namesUsersByUid() {
    UserNames names = UserNames.parse(PASSWD);

    assertThat(names.name(0)).hasValue("root");
    assertThat(names.name(1001)).hasValue("alice");
    assertThat(names.name(106)).hasValue("cockpit-wsinstance");
  }

  @Test
  void leavesAnUnknownUidUnnamed() {
    assertThat(UserNames.parse(PASSWD).name(1002)).isEmpty();
  }

  @Test
  void keepsTheFirstNameOfAUidGivenTwice() {
    UserNames names = UserNames.parse("toor:x:0:0::/root:/bin/sh\nroot:x:0:0::/root:/bin/bash\n");

    assertThat(names.name(0)).hasValue("toor");
  }

  @Test
  void skipsLinesThatAreNotEntries() {
    UserNames names =
        UserNames.parse(
            "# comment\n+@netgroup::::::\nbroken:x:notanumber:0::/:/bin/sh\nshort:x:7\n"
                + ":x:8:8::/:/bin/sh\nbob:x:1002:1002::/home/bob:/bin/sh\n");

    assertThat(names.name(1002)).hasValue("bob");
    assertThat(names.name(7)).isEmpty();
    assertThat(names.name(8)).isEmpty();
  }

  @Test
  void readsThePasswdFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("passwd"), PASSWD);

    assertThat(UserNames.read(file).name(1001)).hasValue("alice");
  }
}
