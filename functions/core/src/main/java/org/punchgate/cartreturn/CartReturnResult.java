package org.punchgate.cartreturn;

import java.time.Instant;
import java.util.List;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.validation.Violation;

/** Every way a session-info request or a cart transfer can end; {@link CartReturnHttp} gives each its status. */
sealed interface CartReturnResult {

  /** The session the result concerns, where one was found (for the request log). */
  default String sessionId() {
    return null;
  }

  record Info(Session session, Instant at) implements CartReturnResult {
    @Override
    public String sessionId() {
      return session.id();
    }
  }

  record Transferred(String sessionId, ReturnForm form) implements CartReturnResult {}

  /** The token is missing, invalid or for another session, or it outlived its session. */
  record AccessDenied(Reason reason, String detail) implements CartReturnResult {
    public enum Reason { MISSING_TOKEN, INVALID_TOKEN, EXPIRED }
  }

  record TooLarge(int maxBytes) implements CartReturnResult {}

  record MalformedJson(String message) implements CartReturnResult {}

  record InvalidCart(List<Violation> violations) implements CartReturnResult {}

  /** No such session; {@code gone}: it disappeared between reading and closing it. */
  record UnknownSession(boolean gone) implements CartReturnResult {}

  record Expired(String sessionId) implements CartReturnResult {}

  record FormatNotSupported(String sessionId, ConnectionFormat format) implements CartReturnResult {}

  /** A cXML {@code inspect} session: it may only be cancelled. */
  record ReadOnly(String sessionId) implements CartReturnResult {}

  record DoesNotFit(String sessionId, ConnectionFormat format, List<Violation> violations) implements CartReturnResult {}

  record AlreadyClosed(String sessionId, SessionStatus status) implements CartReturnResult {}

  /** The compressed cart is larger than a session may keep. */
  record StoredTooLarge(String sessionId, int storedBytes, int maxBytes) implements CartReturnResult {}
}
