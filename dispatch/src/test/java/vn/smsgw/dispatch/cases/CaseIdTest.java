package vn.smsgw.dispatch.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseIdTest {

    @Test
    void fromSequence_firstMillion_allDistinctAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (long s = 0; s < 1_000_000; s++) {
            String v = CaseId.fromSequence(s).value();
            assertEquals(8, v.length());
            assertTrue(seen.add(v), "collision at " + s);
        }
    }

    @Test
    void fromSequence_consecutive_doNotLookSequential() {
        assertNotEquals(CaseId.fromSequence(1).value().substring(0, 6),
                CaseId.fromSequence(2).value().substring(0, 6));
    }

    @Test
    void fromSequence_largeSequences_stayInRangeAndDistinct() {
        Set<String> seen = new HashSet<>();
        long top = 656_100_000_000L - 1;
        for (long s = top; s > top - 100_000; s--) {
            assertTrue(seen.add(CaseId.fromSequence(s).value()));
        }
    }

    @Test
    void sequence_ofAnyCaseId_invertsFromSequence() {
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 200_000; i++) {
            long s = i < 100_000 ? i : (long) (r.nextDouble() * 656_100_000_000L);
            assertEquals(s, CaseId.fromSequence(s).sequence());
        }
    }

    @Test
    void alphabet_hasNoAmbiguousCharacters() {
        for (char c : "01OILU".toCharArray()) {
            assertEquals(-1, CaseId.ALPHABET.indexOf(c), "ambiguous " + c);
        }
    }

    @Test
    void parse_typedWithSpacesLowerCaseAndDash_isAccepted() {
        CaseId id = CaseId.fromSequence(42);
        String typed = id.value().substring(0, 4).toLowerCase() + " - " + id.value().substring(4);
        assertEquals(Optional.of(id), CaseId.parse(typed));
    }

    @Test
    void parse_ambiguousOrWrongLength_isEmpty() {
        assertEquals(Optional.empty(), CaseId.parse("O0000000"));
        assertEquals(Optional.empty(), CaseId.parse("ABC"));
        assertEquals(Optional.empty(), CaseId.parse("ABCDEFGHJK"));
    }

    @Test
    void new_invalidCharacter_throws() {
        assertThrows(IllegalArgumentException.class, () -> new CaseId("ABCDEFG1"));
    }
}
