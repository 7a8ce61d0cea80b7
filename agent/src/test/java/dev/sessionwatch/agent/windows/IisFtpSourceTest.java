package dev.sessionwatch.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source running a stand-in for powershell.exe that prints the script's recorded JSON. */
class IisFtpSourceTest {
  private static final HostSystem WINDOWS =
      new HostSystem("Windows Server 2022", ZoneId.of("UTC"), Locale.US);

  @TempDir Path dir;
  private FakeWindowsTools tools;
  private IisFtpSource source;
  private Path inetsrv;

  @BeforeEach
  void useStandIns() throws Exception {
    assumeTrue(FakeWindowsTools.canRun(), "needs /bin/sh to stand in for powershell.exe");
    tools = new FakeWindowsTools(dir);
    inetsrv = Files.createDirectory(dir.resolve("inetsrv"));
    source =
        new IisFtpSource(
            new IisFtpSettings(
                dir.resolve("powershell.exe"),
                inetsrv,
                Duration.ofSeconds(2),
                Duration.ofSeconds(10)),
            WINDOWS);
  }

  private String assembly() {
    return inetsrv.resolve("Microsoft.Web.Administration.dll").toString();
  }

  @Test
  void isUnavailableOffWindowsNamingTheSystem() {
    String osName = System.getProperty("os.name");
    assumeTrue(!osName.startsWith("Windows"), "runs only where the host is not Windows");

    SourceStatus status = new IisFtpSource(IisFtpSettings.defaults()).status();

    assertThat(status.available()).isFalse();
    assertThat(status.detail()).contains("only on Windows", osName);
  }

  @Test
  void isUnavailableWithoutIis() throws Exception {
    tools.answer("powershell.exe", Recorded.text("iis-ftp-sessions-none.json"));

    SourceStatus status = source.status();

    assertThat(status.available()).isFalse();
    assertThat(status.detail()).contains("Microsoft.Web.Administration.dll", "IIS");
  }

  @Test
  void isAvailableWithPowerShellAndIis() throws Exception {
    tools.answer("powershell.exe", Recorded.text("iis-ftp-sessions-none.json"));
    Files.writeString(Path.of(assembly()), "");

    assertThat(source.status().available()).isTrue();
  }

  @Test
  void runsTheShippedScriptWithoutProfileOrPrompts() throws Exception {
    tools.answer("powershell.exe", Recorded.text("iis-ftp-sessions-three.json"));

    assertThat(source.list()).hasSize(3);

    List<String> call = tools.calls("powershell.exe").get(0);
    assertThat(call.subList(0, 5))
        .containsExactly("-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File");
    assertThat(call.subList(6, call.size())).containsExactly("list", assembly());
    try (InputStream shipped = IisFtpSource.class.getResourceAsStream("iis-ftp-sessions.ps1")) {
      assertThat(Files.readAllBytes(Path.of(call.get(5)))).isEqualTo(shipped.readAllBytes());
    }
  }

  @Test
  void rewritesAScriptThatWasChangedOnDisk() throws Exception {
    tools.answer("powershell.exe", Recorded.text("iis-ftp-sessions-none.json"));
    source.list();
    Path script = Path.of(tools.calls("powershell.exe").get(0).get(5));
    Files.writeString(script, "Remove-Item C:\\ -Recurse");

    source.list();

    assertThat(Files.readString(script)).contains("ftpServer").doesNotContain("Remove-Item");
  }

  @Test
  void aFailingScriptIsThisSourcesError() throws Exception {
    tools.answer("powershell.exe", "", "Access is denied.\r\n", 1);

    assertThatThrownBy(() -> source.list())
        .isInstanceOf(SourceException.class)
        .hasMessage("iis-ftp-sessions.ps1 exited with status 1: Access is denied.");
  }

  @Test
  void outputThatIsNotTheScriptsJsonIsAnError() throws Exception {
    tools.answer("powershell.exe", "Add-Type : Cannot bind parameter\r\n");

    assertThatThrownBy(() -> source.list())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("not its JSON");
  }

  @Test
  void endTerminatesTheSessionNamingItsSiteIdAndStart() throws Exception {
    tools.answer("powershell.exe", Recorded.text("iis-ftp-sessions-three.json"));
    Session download = source.list().get(0);
    String digest = download.id().substring(download.id().lastIndexOf('-') + 1);
    tools.thenAnswer("powershell.exe", Recorded.text("iis-ftp-sessions-none.json"));

    ActionResult result = source.perform(download, SessionAction.END);

    List<List<String>> calls = tools.calls("powershell.exe");
    List<String> terminate = calls.get(2);
    assertThat(terminate.subList(6, terminate.size()))
        .containsExactly(
            "terminate", assembly(), "2", "8a1c2f9e-3b4d-4e5f-a6b7-c8d9e0f1a2b3", digest);
    assertThat(result.sessionEnded()).isTrue();
    assertThat(result.message()).contains("Default FTP Site");
  }

  @Test
  void aSessionNoLongerListedIsGoneAndNotTerminated() throws Exception {
    tools.answer("powershell.exe", Recorded.text("iis-ftp-sessions-three.json"));
    Session download = source.list().get(0);
    tools.answer("powershell.exe", Recorded.text("iis-ftp-sessions-none.json"));

    assertThatThrownBy(() -> source.perform(download, SessionAction.END))
        .isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).reason())
        .isEqualTo(ActionException.Reason.GONE);
    assertThat(tools.calls("powershell.exe")).noneMatch(call -> call.contains("terminate"));
  }

  @Test
  void theScriptFindingNoSuchSessionIsGone() throws Exception {
    tools.answer("powershell.exe", Recorded.text("iis-ftp-sessions-three.json"));
    Session download = source.list().get(0);
    tools.thenAnswer(
        "powershell.exe", Recorded.text("iis-ftp-sessions-three.json"), "no session", 3);

    assertThatThrownBy(() -> source.perform(download, SessionAction.END))
        .isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).reason())
        .isEqualTo(ActionException.Reason.GONE);
  }

  @Test
  void onlyEndIsOffered() throws Exception {
    tools.answer("powershell.exe", Recorded.text("iis-ftp-sessions-three.json"));
    Session download = source.list().get(0);

    assertThatThrownBy(() -> source.perform(download, SessionAction.LOGOUT))
        .isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).reason())
        .isEqualTo(ActionException.Reason.NOT_OFFERED);
  }
}
