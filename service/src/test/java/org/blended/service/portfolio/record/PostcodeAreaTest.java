package org.blended.service.portfolio.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PostcodeAreaTest {

    @Test
    void theAreaIsTheLeadingLettersOfAPostcodeOrOutwardCode() {
        assertThat(PostcodeArea.areaOf("SW1A 1AA")).isEqualTo("SW");
        assertThat(PostcodeArea.areaOf(" m1 ")).isEqualTo("M");
        assertThat(PostcodeArea.areaOf("LS6")).isEqualTo("LS");
        assertThat(PostcodeArea.areaOf("123")).isNull();
    }

    @Test
    void theRegionIsTheAreaMostPostcodesLieInTheFirstAlphabeticallyOnATie() {
        assertThat(PostcodeArea.mostServed(List.of("LS6 1AA", "BD1 2BB", "LS7 3CC"))).isEqualTo("LS");
        assertThat(PostcodeArea.mostServed(List.of("M1", "B2"))).isEqualTo("B");
        assertThat(PostcodeArea.mostServed(List.of())).isEqualTo(PostcodeArea.UNKNOWN);
        assertThat(PostcodeArea.mostServed(null)).isEqualTo(PostcodeArea.UNKNOWN);
    }
}
