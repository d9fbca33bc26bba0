package io.minik8s.apiserver.printing;

/**
 * One column of a server-side table. {@code type} is a JSON type name ({@code string}, {@code
 * integer}); {@code format} is {@code name} for the column holding the object's name; columns of
 * {@code priority} 1 are shown by {@code kubectl get -o wide} only.
 *
 * <p>Upstream: {@code metav1.TableColumnDefinition}.
 */
public record Column(String name, String type, String format, String description, int priority) {

  /** The NAME column every table starts with. */
  public static Column nameColumn() {
    return new Column("Name", "string", "name",
        "Name must be unique within a namespace.", 0);
  }

  /** The AGE column: time since {@code metadata.creationTimestamp}. */
  public static Column ageColumn() {
    return new Column("Age", "string", "",
        "CreationTimestamp is a timestamp representing the server time when this object was created.",
        0);
  }

  public static Column string(String name, String description) {
    return new Column(name, "string", "", description, 0);
  }

  public static Column integer(String name, String description) {
    return new Column(name, "integer", "", description, 0);
  }

  /** A column shown only with {@code -o wide}. */
  public static Column wide(String name, String description) {
    return new Column(name, "string", "", description, 1);
  }
}
