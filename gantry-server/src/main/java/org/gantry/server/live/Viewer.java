package org.gantry.server.live;

import java.util.Locale;

/** Someone who has a project open right now. */
public record Viewer(long userId, String name) {

    /** The indicator's letters: "Ana Lima" and "Ana Maria Lima" are AL, "ana" is A. */
    public String initials() {
        String[] words = name.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "?";
        }
        String first = firstLetter(words[0]);
        return (words.length == 1 ? first : first + firstLetter(words[words.length - 1])).toUpperCase(Locale.ROOT);
    }

    private static String firstLetter(String word) {
        return word.substring(0, word.offsetByCodePoints(0, 1));
    }
}
