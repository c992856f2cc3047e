package org.boundarylab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.boundarylab.data.Generators;
import org.boundarylab.data.Split;
import org.junit.jupiter.api.Test;

/** A test set of fresh points from the same generator, as tutorial 001 tests on 1000 fresh moons. */
class FreshTestSetTest {

    @Test
    void everySampleTrainsAndTheFreshPointsTest() {
        LabSettings s = LabSettings.defaults().toBuilder().samples(60).noise(0.35).dataSeed(3).testPoints(2000).build();
        Split split = s.split();
        assertEquals(60, split.train().size());
        assertEquals(2000, split.test().size());
        assertEquals(Generators.moons(60, 0.35, 3), split.train());
        assertEquals(Generators.moons(2000, 0.35, Generators.freshTestSeed(3)), split.test());
        assertEquals(0.0, s.testRatio(), "the share means nothing beside fresh points");
        assertTrue(s.hasFreshTestSet());
        assertNotEquals(s, s.toBuilder().testPoints(1000).build());
        assertNotEquals(Generators.freshTestSeed(3), 4L, "a test set is not the next data seed's training set");
    }

    @Test
    void theSettingIsSavedAndReadBackAndZeroMeansAShare() throws Exception {
        LabSettings fresh = LabSettings.defaults().toBuilder().testPoints(1000).build();
        var json = SettingsJson.toJson(fresh);
        assertEquals(1000, json.get("test_points").asInt());
        assertEquals(fresh, SettingsJson.fromJson(json, "settings"));
        assertTrue(!SettingsJson.toJson(LabSettings.defaults()).has("test_points"), "left out when a share");
        var bad = new ObjectMapper().readTree("{\"test_points\": -5}");
        var e = assertThrows(org.boundarylab.io.JsonFieldException.class, () -> SettingsJson.fromJson(bad, "settings"));
        assertTrue(e.getMessage().contains("test points must be 0"), e.getMessage());
        assertEquals(40, LabSettings.defaults().split().test().size());
    }
}
