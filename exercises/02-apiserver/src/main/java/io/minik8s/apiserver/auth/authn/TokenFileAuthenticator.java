package io.minik8s.apiserver.auth.authn;

import io.minik8s.apiserver.auth.UserInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Static bearer tokens from a CSV file, one user per line: {@code token,user,uid,"group1,group2"}
 * (the groups column is optional; quote it when it lists several). Blank lines are skipped. A
 * malformed file stops the server at startup with the line at fault.
 *
 * <p>Upstream: {@code --token-auth-file}, k8s.io/apiserver/pkg/authentication/token/tokenfile.
 */
public final class TokenFileAuthenticator implements Authenticator {

  /** A token file that cannot be read as token, user, uid[, groups] lines. */
  public static final class TokenFileException extends IllegalArgumentException {
    public TokenFileException(String message) {
      super(message);
    }
  }

  private final Map<String, UserInfo> users;

  private TokenFileAuthenticator(Map<String, UserInfo> users) {
    this.users = Map.copyOf(users);
  }

  /** Reads {@code file}. @throws TokenFileException naming the file and line at fault */
  public static TokenFileAuthenticator fromFile(Path file) throws IOException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Parses CSV {@code content}; {@code source} names it in errors.
   *
   * @throws TokenFileException e.g. {@code token file 'tokens.csv' line 3: must have at least 3
   *     columns (token, user name, user uid), found 2}
   */
  public static TokenFileAuthenticator parse(String source, String content) {
    // BEGIN EXERCISE 2.5 — read token,user,uid[,groups] lines; a bad line names its number
    throw new UnsupportedOperationException("TODO exercise 2.5: read token,user,uid[,groups] lines; a bad line names its number");
    // END EXERCISE 2.5
  }

  @Override
  public Optional<UserInfo> authenticate(String bearerToken) {
    return Optional.ofNullable(users.get(bearerToken));
  }

  /** One CSV line (RFC 4180): fields split on commas, {@code "..."} quoting with {@code ""}. */
  static List<String> csvRecord(String line, String where) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new TokenFileException(where + "a quoted field is not closed");
    }
    fields.add(field.toString());
    return fields;
  }
}
