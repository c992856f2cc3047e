package org.boundarylab.lessons;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A lab setup with a short text for the class: the settings to load, which of them the lab locks
 * (by {@link LabSettings#SETTING_NAMES}), what the lesson promises after {@code settings.epochs()}
 * epochs, for a sweep lesson the widths to sweep (null otherwise) and the seeds each width gets
 * (the promise is about the means over them), and the exercise it suggests, if any.
 */
public record Lesson(String id, String title, String text, LabSettings settings, Set<String> lockedControls,
                     Expectation expect, int[] sweepWidths, int sweepSeeds, Exercise exercise) {

    /** Seeds per width a sweep lesson gets unless its file says otherwise. */
    public static final int DEFAULT_SWEEP_SEEDS = 5;

    /**
     * What the lesson suggests trying next ("add a hidden layer of 5"): the settings it leads to
     * (the lesson's with a few changed) and what they promise. A lab on those settings is doing
     * the exercise; on any others it is exploring.
     */
    public record Exercise(String text, LabSettings settings, Expectation expect) {
        public Exercise {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("an exercise needs a text saying what to change");
            }
            if (settings == null) {
                throw new IllegalArgumentException("an exercise needs its settings");
            }
            if (expect == null) {
                expect = Expectation.NONE;
            }
            if (expect.isAboutASweep()) {
                throw new IllegalArgumentException("an exercise is one run; it cannot promise a sweep's pattern");
            }
        }
    }

    /** A lesson without an exercise; a sweep lesson gets {@value #DEFAULT_SWEEP_SEEDS} seeds a width. */
    public Lesson(String id, String title, String text, LabSettings settings, Set<String> lockedControls,
                  Expectation expect, int[] sweepWidths) {
        this(id, title, text, settings, lockedControls, expect, sweepWidths, DEFAULT_SWEEP_SEEDS, null);
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** Widths a sweep lesson may list: as many settings as one sweep compares (SweepSpec.MAX_VALUES). */
    public static final int MAX_SWEEP_WIDTHS = 100;

    public Lesson {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("lesson id must be 1 to 64 lower-case letters, digits or '-', got "
                    + (id == null ? "none" : org.boundarylab.text.Excerpt.quoted(id)));
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("lesson '" + id + "' needs a title");
        }
        if (text == null) {
            text = "";
        }
        if (settings == null) {
            throw new IllegalArgumentException("lesson '" + id + "' needs settings");
        }
        Set<String> locked = new LinkedHashSet<>();
        for (String name : lockedControls == null ? Set.<String>of() : lockedControls) {
            if (!LabSettings.SETTING_NAMES.contains(name)) {
                throw new IllegalArgumentException("lesson '" + id + "' locks an unknown setting "
                        + org.boundarylab.text.Excerpt.quoted(name) + " (known: "
                        + String.join(", ", LabSettings.SETTING_NAMES) + ")");
            }
            locked.add(name);
        }
        lockedControls = Collections.unmodifiableSet(locked);
        if (expect == null) {
            expect = Expectation.NONE;
        }
        if (sweepWidths != null) {
            sweepWidths = sweepWidths.clone();
            if (sweepWidths.length == 0) {
                throw new IllegalArgumentException("lesson '" + id + "' has an empty sweep; leave it out instead");
            }
            if (sweepWidths.length > MAX_SWEEP_WIDTHS) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "lesson '%s' sweeps %,d widths; a sweep compares at most %d", id, sweepWidths.length,
                        MAX_SWEEP_WIDTHS));
            }
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int w : sweepWidths) {
                if (w < 1 || w > LabSettings.MAX_WIDTH) {
                    throw new IllegalArgumentException("lesson '" + id + "' sweeps width " + w + "; widths run from 1 to "
                            + LabSettings.MAX_WIDTH);
                }
                if (!seen.add(w)) {
                    throw new IllegalArgumentException("lesson '" + id + "' sweeps width " + w + " twice");
                }
            }
        }
        if (expect.isAboutASweep() && sweepWidths == null) {
            throw new IllegalArgumentException("lesson '" + id + "' expects a sweep pattern but has no sweep widths");
        }
        if (sweepSeeds < 1 || sweepSeeds > 100) {
            throw new IllegalArgumentException("lesson '" + id + "' sweeps " + sweepSeeds
                    + " seeds a width; give 1 to 100");
        }
        if (sweepWidths != null && settings.epochs() <= 0) {
            throw new IllegalArgumentException("lesson '" + id + "' sweeps but gives no epoch count");
        }
    }

    /** A lesson made from the lab's current setup, as a teacher saves it; nothing locked, nothing promised. */
    public static Lesson of(String id, String title, String text, LabSettings settings) {
        return new Lesson(id, title, text, settings, Set.of(), Expectation.NONE, null);
    }

    /** An id made from a title, for lessons a teacher saves: "My ReLU lesson!" gives "my-relu-lesson". */
    public static String idFrom(String title) {
        String slug = java.text.Normalizer.normalize(title == null ? "" : title, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 64) {
            slug = slug.substring(0, 64).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "lesson" : slug;
    }

    public boolean isSweep() {
        return sweepWidths != null;
    }

    @Override
    public int[] sweepWidths() {
        return sweepWidths == null ? null : sweepWidths.clone();
    }

    public boolean isLocked(String settingName) {
        return lockedControls.contains(settingName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lesson l && id.equals(l.id) && title.equals(l.title) && text.equals(l.text)
                && settings.equals(l.settings) && lockedControls.equals(l.lockedControls) && expect.equals(l.expect)
                && Arrays.equals(sweepWidths, l.sweepWidths) && sweepSeeds == l.sweepSeeds
                && java.util.Objects.equals(exercise, l.exercise);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + settings.hashCode();
    }

    @Override
    public String toString() {
        return id + " \"" + title + "\"";
    }
}
