package dev.paperlink.cli.bench.zotero;

/**
 * One creator of an item as Zotero stores it: a first and last name ({@code fieldMode} 0), or one
 * field ({@code fieldMode} 1: the whole name in {@code lastName}, {@code firstName} empty), and its
 * role ({@code author}, {@code editor}, ...: a {@code creatorTypes} name; a role the item type does
 * not have becomes the type's primary one).
 */
public record Creator(String firstName, String lastName, boolean singleField, String type) {
    public Creator {
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        type = type == null || type.isBlank() ? "author" : type;
    }

    public static Creator person(String first, String last, String type) {
        return new Creator(first, last, false, type);
    }

    public static Creator author(String first, String last) {
        return new Creator(first, last, false, "author");
    }

    public static Creator single(String name, String type) {
        return new Creator("", name, true, type);
    }
}
