package org.boundarylab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.boundarylab.data.DatasetKind;
import org.boundarylab.io.JsonFieldException;
import org.boundarylab.nn.Features;
import org.junit.jupiter.api.Test;

class LabSettingsFeaturesTest {

    @Test
    void settingsCarryTheirFeaturesThroughJsonAndDefaultToThePlane() throws Exception {
        assertEquals(Features.DEFAULT, LabSettings.defaults().features());
        assertFalse(SettingsJson.toJson(LabSettings.defaults()).has("features"), "the plain plane is left out");
        LabSettings s = LabSettings.defaults().toBuilder().features(Features.parse("x1^2,x2^2")).build();
        var json = SettingsJson.toJson(s);
        assertEquals("[\"x1^2\",\"x2^2\"]", json.get("features").toString());
        assertEquals(s, SettingsJson.fromJson(json, "settings"));
        assertEquals(2, s.architecture(2).inputs());
        assertEquals(3, s.toBuilder().features(Features.parse("x1,x2,x1*x2")).build().initialNetwork(2)
                .architecture().inputs());

        var bad = new ObjectMapper().readTree("{\"features\": [\"x1\", \"cos\"]}");
        JsonFieldException e = assertThrows(JsonFieldException.class, () -> SettingsJson.fromJson(bad, "lesson"));
        assertTrue(e.getMessage().contains("features: entry 2: unknown feature 'cos'"), e.getMessage());
    }

    @Test
    void aLessonWithSquaredInputsTrainsALinearModelOnCircles() {
        LabSettings s = LabSettings.defaults().toBuilder().dataset(DatasetKind.CIRCLES).noise(0.05).hidden()
                .features(Features.parse("x1^2,x2^2")).learningRate(1).epochs(1500).build();
        LessonRunner.Result r = LessonRunner.run(s);
        assertTrue(r.testAccuracy() > 0.95, "test accuracy " + r.testAccuracy());
        LessonRunner.Result plain = LessonRunner.run(s.toBuilder().features(Features.DEFAULT).build());
        assertTrue(plain.testAccuracy() < 0.75, "a line on circles: " + plain.testAccuracy());
    }

    @Test
    void anExportedModelNamesItsFeatures(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        LabSettings s = LabSettings.defaults().toBuilder().features(Features.parse("x1,x2,x1*x2")).build();
        var file = dir.resolve("model.json");
        org.boundarylab.workspace.Exports.modelJson(
                new org.boundarylab.nn.FeaturedModel(s.features(), s.initialNetwork(2)), s, file);
        assertEquals(s.features(), org.boundarylab.io.ModelFiles.readFull(file).features());
    }
}
