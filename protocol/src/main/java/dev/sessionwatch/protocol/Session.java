package dev.sessionwatch.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One login through one door of one host, as a source saw it.
 *
 * <p>Fields a source cannot know are {@code null} and absent on the wire, never invented. The
 * per-kind fields are flat (a panel session simply has no {@code domain}) so that a table column
 * maps onto one field. Use {@link #builder} to make one.
 *
 * @param id opaque, unique on the host, stable while the session lives and never reused by a later
 *     session (sources build it from a process's PID <em>and</em> start time)
 * @param idleSince when the session last did something; the console derives the idle time from it
 *     and the agent's clock, so an idle host's list stays byte-identical between polls (see
 *     docs/decisions/0001-idle-since-instead-of-idle-seconds.md)
 * @param state what the session is doing, in the source's words (active, idle, disconnected,
 *     authenticating, downloading, uploading, ...)
 * @param actions what may be done to this session, in the order a menu shows them
 * @param progress transfer progress from 0 to 1, when the server reports it
 * @param attributes further raw fields of the source, as strings, sorted by name
 */
public record Session(
    String id,
    SessionKind kind,
    String source,
    String user,
    String userType,
    String clientAddress,
    Instant loginTime,
    Instant idleSince,
    String state,
    List<SessionAction> actions,
    String panel,
    String domain,
    String currentDirectory,
    String currentFile,
    String currentCommand,
    String previousCommand,
    Instant commandStartTime,
    Long transferRateBytesPerSecond,
    Double progress,
    Long bytesSent,
    Long bytesReceived,
    Integer lastReplyCode,
    String line,
    String remoteHost,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> attributes) {

  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    actions = actions == null ? List.of() : List.copyOf(actions);
    attributes =
        attributes == null || attributes.isEmpty()
            ? Collections.emptySortedMap()
            : Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    if (progress != null && !(progress >= 0.0 && progress <= 1.0)) {
      throw new IllegalArgumentException("progress must be within 0..1, was " + progress);
    }
  }

  public boolean allows(SessionAction action) {
    return actions.contains(action);
  }

  /**
   * Written out, as the record's own would be: with 25 components, the record's generated {@code
   * equals} is a chain of method handles too deep for the JIT to inline, and it took most of an
   * agent's CPU comparing lists. {@code SessionTest} checks that every component is compared.
   */
  @Override
  public boolean equals(Object object) {
    return this == object
        || object instanceof Session other
            && id.equals(other.id)
            && kind == other.kind
            && Objects.equals(source, other.source)
            && Objects.equals(user, other.user)
            && Objects.equals(userType, other.userType)
            && Objects.equals(clientAddress, other.clientAddress)
            && Objects.equals(loginTime, other.loginTime)
            && Objects.equals(idleSince, other.idleSince)
            && Objects.equals(state, other.state)
            && Objects.equals(actions, other.actions)
            && Objects.equals(panel, other.panel)
            && Objects.equals(domain, other.domain)
            && Objects.equals(currentDirectory, other.currentDirectory)
            && Objects.equals(currentFile, other.currentFile)
            && Objects.equals(currentCommand, other.currentCommand)
            && Objects.equals(previousCommand, other.previousCommand)
            && Objects.equals(commandStartTime, other.commandStartTime)
            && Objects.equals(transferRateBytesPerSecond, other.transferRateBytesPerSecond)
            && Objects.equals(progress, other.progress)
            && Objects.equals(bytesSent, other.bytesSent)
            && Objects.equals(bytesReceived, other.bytesReceived)
            && Objects.equals(lastReplyCode, other.lastReplyCode)
            && Objects.equals(line, other.line)
            && Objects.equals(remoteHost, other.remoteHost)
            && Objects.equals(attributes, other.attributes);
  }

  @Override
  public int hashCode() {
    int hash = id.hashCode();
    hash = 31 * hash + Objects.hashCode(kind);
    hash = 31 * hash + Objects.hashCode(source);
    hash = 31 * hash + Objects.hashCode(user);
    hash = 31 * hash + Objects.hashCode(userType);
    hash = 31 * hash + Objects.hashCode(clientAddress);
    hash = 31 * hash + Objects.hashCode(loginTime);
    hash = 31 * hash + Objects.hashCode(idleSince);
    hash = 31 * hash + Objects.hashCode(state);
    hash = 31 * hash + Objects.hashCode(actions);
    hash = 31 * hash + Objects.hashCode(panel);
    hash = 31 * hash + Objects.hashCode(domain);
    hash = 31 * hash + Objects.hashCode(currentDirectory);
    hash = 31 * hash + Objects.hashCode(currentFile);
    hash = 31 * hash + Objects.hashCode(currentCommand);
    hash = 31 * hash + Objects.hashCode(previousCommand);
    hash = 31 * hash + Objects.hashCode(commandStartTime);
    hash = 31 * hash + Objects.hashCode(transferRateBytesPerSecond);
    hash = 31 * hash + Objects.hashCode(progress);
    hash = 31 * hash + Objects.hashCode(bytesSent);
    hash = 31 * hash + Objects.hashCode(bytesReceived);
    hash = 31 * hash + Objects.hashCode(lastReplyCode);
    hash = 31 * hash + Objects.hashCode(line);
    hash = 31 * hash + Objects.hashCode(remoteHost);
    hash = 31 * hash + Objects.hashCode(attributes);
    return hash;
  }

  public static Builder builder(String id, SessionKind kind, String source) {
    return new Builder(id, kind, source);
  }

  /** A builder holding this session's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(id, kind, source)
        .user(user)
        .userType(userType)
        .clientAddress(clientAddress)
        .loginTime(loginTime)
        .idleSince(idleSince)
        .state(state)
        .actions(actions)
        .panel(panel)
        .domain(domain)
        .currentDirectory(currentDirectory)
        .currentFile(currentFile)
        .currentCommand(currentCommand)
        .previousCommand(previousCommand)
        .commandStartTime(commandStartTime)
        .transferRateBytesPerSecond(transferRateBytesPerSecond)
        .progress(progress)
        .bytesSent(bytesSent)
        .bytesReceived(bytesReceived)
        .lastReplyCode(lastReplyCode)
        .line(line)
        .remoteHost(remoteHost)
        .attributes(attributes);
  }

  /** Builds a {@link Session}; every field but id, kind and source may stay unset (unknown). */
  public static final class Builder {
    private final String id;
    private final SessionKind kind;
    private final String source;
    private String user;
    private String userType;
    private String clientAddress;
    private Instant loginTime;
    private Instant idleSince;
    private String state;
    private List<SessionAction> actions = List.of();
    private String panel;
    private String domain;
    private String currentDirectory;
    private String currentFile;
    private String currentCommand;
    private String previousCommand;
    private Instant commandStartTime;
    private Long transferRateBytesPerSecond;
    private Double progress;
    private Long bytesSent;
    private Long bytesReceived;
    private Integer lastReplyCode;
    private String line;
    private String remoteHost;
    private Map<String, String> attributes = Map.of();

    private Builder(String id, SessionKind kind, String source) {
      this.id = id;
      this.kind = kind;
      this.source = source;
    }

    public Builder user(String value) {
      user = value;
      return this;
    }

    public Builder userType(String value) {
      userType = value;
      return this;
    }

    public Builder clientAddress(String value) {
      clientAddress = value;
      return this;
    }

    public Builder loginTime(Instant value) {
      loginTime = value;
      return this;
    }

    public Builder idleSince(Instant value) {
      idleSince = value;
      return this;
    }

    public Builder state(String value) {
      state = value;
      return this;
    }

    public Builder actions(List<SessionAction> value) {
      actions = value;
      return this;
    }

    public Builder actions(SessionAction... value) {
      actions = List.of(value);
      return this;
    }

    public Builder panel(String value) {
      panel = value;
      return this;
    }

    public Builder domain(String value) {
      domain = value;
      return this;
    }

    public Builder currentDirectory(String value) {
      currentDirectory = value;
      return this;
    }

    public Builder currentFile(String value) {
      currentFile = value;
      return this;
    }

    public Builder currentCommand(String value) {
      currentCommand = value;
      return this;
    }

    public Builder previousCommand(String value) {
      previousCommand = value;
      return this;
    }

    public Builder commandStartTime(Instant value) {
      commandStartTime = value;
      return this;
    }

    public Builder transferRateBytesPerSecond(Long value) {
      transferRateBytesPerSecond = value;
      return this;
    }

    public Builder progress(Double value) {
      progress = value;
      return this;
    }

    public Builder bytesSent(Long value) {
      bytesSent = value;
      return this;
    }

    public Builder bytesReceived(Long value) {
      bytesReceived = value;
      return this;
    }

    public Builder lastReplyCode(Integer value) {
      lastReplyCode = value;
      return this;
    }

    public Builder line(String value) {
      line = value;
      return this;
    }

    public Builder remoteHost(String value) {
      remoteHost = value;
      return this;
    }

    public Builder attributes(Map<String, String> value) {
      attributes = value;
      return this;
    }

    public Session build() {
      return new Session(
          id,
          kind,
          source,
          user,
          userType,
          clientAddress,
          loginTime,
          idleSince,
          state,
          actions,
          panel,
          domain,
          currentDirectory,
          currentFile,
          currentCommand,
          previousCommand,
          commandStartTime,
          transferRateBytesPerSecond,
          progress,
          bytesSent,
          bytesReceived,
          lastReplyCode,
          line,
          remoteHost,
          attributes == null ? null : new TreeMap<>(attributes));
    }
  }
}
