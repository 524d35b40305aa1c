package org.ehiaccess.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The strict mapper on shapes intake does not have: free-form JSON (decision facts), maps and lists. */
class StrictJsonTest {

    record Facts(JsonNode facts, Map<String, String> labels, List<String> motives, Instant at, LocalDate on) {
    }

    final ObjectMapper mapper = strict();

    static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    String refusedPath(String json) {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> mapper.readValue(json, Facts.class));
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return path.toString();
    }

    @Test
    void nulIsFoundInsideFreeFormJsonMapsAndLists() {
        assertEquals(".facts.harm[1].why", refusedPath("{\"facts\":{\"harm\":[\"yes\",{\"why\":\"a\\u0000\"}]}}"));
        assertEquals(".facts.k\u003fy", refusedPath("{\"facts\":{\"k\\u0000y\":1}}").replace('\u0000', '?'));
        assertEquals(".labels.x", refusedPath("{\"labels\":{\"x\":\"\\u0000\"}}"));
        assertEquals(".labels", refusedPath("{\"labels\":{\"\\u0000\":\"x\"}}"));
        assertEquals(".motives[0]", refusedPath("{\"motives\":[\"\\u0000\"]}"));
    }

    @Test
    void nullElementsNumbersForTextAndOutOfRangeDatesAreRefused() {
        assertEquals(".motives[1]", refusedPath("{\"motives\":[\"a\",null]}"));
        assertEquals(".motives[0]", refusedPath("{\"motives\":[7]}"));
        assertEquals(".at", refusedPath("{\"at\":\"-999999999-01-01T00:00:00Z\"}"));
        assertEquals(".at", refusedPath("{\"at\":1700000000}"));
        assertEquals(".on", refusedPath("{\"on\":\"+99999-01-01\"}"));
        assertEquals(".on", refusedPath("{\"on\":[2020,1,1]}"));
    }

    @Test
    void ordinaryValuesStillRead() throws Exception {
        Facts facts = mapper.readValue("{\"facts\":{\"a\":null,\"b\":[1,\"x\"]},\"labels\":{\"k\":\"v\"},"
                + "\"motives\":[\"m\"],\"at\":\"2026-12-01T10:00:00Z\",\"on\":\"1950-02-03\"}", Facts.class);
        assertEquals("x", facts.facts().get("b").get(1).asText());
        assertEquals(LocalDate.of(1950, 2, 3), facts.on());
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), facts.at());
        Facts empty = mapper.readValue("{\"facts\":null}", Facts.class);
        assertEquals(true, empty.facts() == null || empty.facts().isNull());
    }
}
