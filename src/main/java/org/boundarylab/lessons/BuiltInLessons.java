package org.boundarylab.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lessons shipped with the app, read from the class path: {@code index.txt} beside this
 * class lists the lesson files in menu order, one name per line ('#' starts a comment).
 */
public final class BuiltInLessons {
    private static final String INDEX = "index.txt";
    private static volatile List<Lesson> cache;

    private BuiltInLessons() {
    }

    /** All built-in lessons in menu order. A broken resource is a packaging bug and throws. */
    public static List<Lesson> all() {
        List<Lesson> lessons = cache;
        if (lessons == null) {
            lessons = load();
            cache = lessons;
        }
        return lessons;
    }

    public static Lesson byId(String id) {
        for (Lesson l : all()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("no built-in lesson '" + id + "'");
    }

    private static List<Lesson> load() {
        List<Lesson> lessons = new ArrayList<>();
        for (String line : resource(INDEX).split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            try {
                Lesson lesson = LessonFiles.fromJson(resource(name), "built-in lesson " + name);
                if (lessons.stream().anyMatch(l -> l.id().equals(lesson.id()))) {
                    throw new IllegalStateException("built-in lesson " + name + " repeats the id '" + lesson.id() + "'");
                }
                lessons.add(lesson);
            } catch (LessonFormatException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return Collections.unmodifiableList(lessons);
    }

    private static String resource(String name) {
        try (InputStream in = BuiltInLessons.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in lesson resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in lesson resource " + name + ": " + e.getMessage(), e);
        }
    }
}
