package dev.sessionwatch.agent.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Wtsapi32;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.W32APIOptions;
import java.util.Optional;

/**
 * Each session's client through the WTS API ({@code WTSQuerySessionInformationW}), by JNA. Only
 * ever made on Windows: making the first one loads JNA's native part and wtsapi32.dll, which throw
 * a {@link LinkageError} where they cannot load.
 *
 * <p>Never verified on a real Windows host; see docs/decisions/0008-rdp-clients-through-wts.md.
 */
final class WtsRdpClients implements RdpClients {

  private final Wtsapi32 wts;

  WtsRdpClients() {
    this.wts = Api.WTS;
  }

  /**
   * The library, loaded once on first use. The Unicode functions always, whatever JNA's {@code
   * w32.ascii} says, so that a name is always UTF-16.
   */
  private static final class Api {
    static final Wtsapi32 WTS =
        Native.load("Wtsapi32", Wtsapi32.class, W32APIOptions.UNICODE_OPTIONS);
  }

  @Override
  public RdpClient of(int sessionNumber) {
    return new RdpClient(
        query(sessionNumber, Wtsapi32.WTS_INFO_CLASS.WTSClientName, WtsBuffer::clientName)
            .orElse(null),
        query(sessionNumber, Wtsapi32.WTS_INFO_CLASS.WTSClientAddress, WtsBuffer::clientAddress)
            .orElse(null));
  }

  /** How a value is read out of the buffer Windows returned, given the length it reported. */
  private interface Reading {
    Optional<String> read(Pointer buffer, int length);
  }

  /**
   * One value of the session; empty when the query fails (FALSE: the session ended meanwhile,
   * access was refused), which costs this value only. The buffer is freed whatever happens.
   */
  private Optional<String> query(int sessionNumber, int infoClass, Reading reading) {
    PointerByReference buffer = new PointerByReference();
    IntByReference length = new IntByReference();
    if (!wts.WTSQuerySessionInformation(
        Wtsapi32.WTS_CURRENT_SERVER_HANDLE, sessionNumber, infoClass, buffer, length)) {
      return Optional.empty();
    }
    Pointer value = buffer.getValue();
    if (value == null) {
      return Optional.empty();
    }
    try {
      return reading.read(value, length.getValue());
    } finally {
      wts.WTSFreeMemory(value);
    }
  }
}
