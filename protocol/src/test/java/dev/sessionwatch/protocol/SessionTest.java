package dev.sessionwatch.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SessionTest {
  private static final RecordComponent[] COMPONENTS = Session.class.getRecordComponents();

  @Test
  void sessionsWithEqualComponentsAreEqualAndHashAlike() throws Exception {
    Session session = withEveryComponentSet();
    Session copy = session.toBuilder().build();

    assertThat(copy).isNotSameAs(session).isEqualTo(session);
    assertThat(copy.hashCode()).isEqualTo(session.hashCode());
    assertThat(session).isNotEqualTo(null).isNotEqualTo(session.id());
  }

  @Test
  void sessionsThatDifferInAnyOneComponentAreNotEqual() throws Exception {
    Session session = withEveryComponentSet();
    Object[] values = values(session);

    for (int index = 0; index < COMPONENTS.length; index++) {
      Object[] changed = values.clone();
      changed[index] = other(COMPONENTS[index].getType(), values[index]);
      Session differing = construct(changed);

      assertThat(differing)
          .as("a session whose %s differs", COMPONENTS[index].getName())
          .isNotEqualTo(session);
    }
  }

  private static Session withEveryComponentSet() throws Exception {
    Object[] values = new Object[COMPONENTS.length];
    for (int index = 0; index < COMPONENTS.length; index++) {
      values[index] = other(COMPONENTS[index].getType(), null);
    }
    return construct(values);
  }

  /** A value of {@code type} that is not {@code current}. */
  private static Object other(Class<?> type, Object current) {
    int seed = current == null ? 1 : 2;
    if (type == String.class) {
      return "value " + seed;
    }
    if (type == SessionKind.class) {
      return current == SessionKind.FTP ? SessionKind.PANEL : SessionKind.FTP;
    }
    if (type == Instant.class) {
      return Instant.ofEpochSecond(1_700_000_000L + seed);
    }
    if (type == List.class) {
      return seed == 1 ? List.of(SessionAction.DISCONNECT) : List.of(SessionAction.LOGOUT);
    }
    if (type == Long.class) {
      return (long) seed;
    }
    if (type == Integer.class) {
      return seed;
    }
    if (type == Double.class) {
      return seed / 4.0;
    }
    if (Map.class.isAssignableFrom(type)) {
      return new TreeMap<>(Map.of("key", "value " + seed));
    }
    throw new AssertionError("no value for a component of " + type + ": add one here");
  }

  private static Object[] values(Session session) throws Exception {
    Object[] values = new Object[COMPONENTS.length];
    for (int index = 0; index < COMPONENTS.length; index++) {
      values[index] = COMPONENTS[index].getAccessor().invoke(session);
    }
    return values;
  }

  private static Session construct(Object[] values) throws Exception {
    Class<?>[] types =
        Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class[]::new);
    return Session.class.getDeclaredConstructor(types).newInstance(values);
  }
}
