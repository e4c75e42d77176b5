package dev.accord.alert.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

    @Test
    void readsTheExampleWithPrecedenceAndPhrases() {
        Query query = QueryParser.parse("topic:defense AND (country:JP OR country:AU) AND \"air defense\"");

        assertThat(query).hasToString("(topic:defense AND (country:JP OR country:AU) AND keyword:\"air defense\")");
        Query.And and = (Query.And) query;
        assertThat(and.operands().get(0)).isEqualTo(new Query.Term(Field.TOPIC, "defense", 6));
        assertThat(((Query.Or) and.operands().get(1)).operands()).containsExactly(
                new Query.Term(Field.COUNTRY, "JP", 27), new Query.Term(Field.COUNTRY, "AU", 41));
        assertThat(and.operands().get(2)).isEqualTo(new Query.Term(Field.KEYWORD, "air defense", 49));
    }

    @Test
    void andBindsTighterThanOrAndAdjacentTermsAreJoinedByAnd() {
        assertThat(QueryParser.parse("a OR b c")).hasToString("(keyword:\"a\" OR (keyword:\"b\" AND keyword:\"c\"))");
        assertThat(QueryParser.parse("(a OR b) c")).hasToString("((keyword:\"a\" OR keyword:\"b\") AND keyword:\"c\")");
    }

    @Test
    void notAndMinusNegateButAHyphenInsideAWordDoesNot() {
        assertThat(QueryParser.parse("NOT country:CN -stage:cancelled co-produce")).hasToString(
                "(NOT country:CN AND NOT stage:cancelled AND keyword:\"co-produce\")");
        assertThat(QueryParser.parse("not not space")).hasToString("NOT NOT keyword:\"space\"");
    }

    @Test
    void operatorsFieldsAndValuesAreCaseInsensitiveAndNormalised() {
        assertThat(QueryParser.parse("Topic:SPACE and COUNTRY:jp or Org:NASA")).hasToString(
                "((topic:space AND country:JP) OR org:NASA)");
    }

    @Test
    void quotedPhrasesMayHoldEscapesAndOperatorWords() {
        assertThat(QueryParser.parse("\"say \\\"not\\\" now\" OR \"and\"")).hasToString(
                "(keyword:\"say \"not\" now\" OR keyword:\"and\")");
        assertThat(QueryParser.parse("org:\"National Park Service\"")).hasToString("org:National Park Service");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``                                   | 0  | empty",
            "topic:defense AND                    | 17 | Expected a term at position 17",
            "topic:defense AND (country:JP        | 29 | to close the parenthesis opened at position 18",
            "country:JP)                          | 10 | no parenthesis is open",
            "topic:defence                        | 6  | Unknown topic 'defence'",
            "topic:defense AND (country:JX OR x)  | 27 | 'JX' at position 27 is not an ISO 3166-1 alpha-2",
            "stage:rumoured                       | 6  | Unknown stage",
            "colour:red                           | 0  | Unknown field 'colour'",
            "country: JP                          | 8  | no space is allowed",
            "country:                             | 8  | Expected a value",
            "\"air defense                        | 0  | never closed",
            "OR space                             | 0  | Expected a term at position 0",
            "space AND OR moon                    | 10 | Expected a term at position 10",
            "()                                   | 1  | Expected a term at position 1",
            "\"!!!\"                              | 0  | no letter or digit",
    })
    void errorsPointAtTheirPosition(String query, int position, String message) {
        assertThatThrownBy(() -> QueryParser.parse(query)).isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
            assertThat(e.position()).isEqualTo(position);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void deepNestingAndHugeQueriesAreRefusedWithoutOverflowingTheStack() {
        String deep = "(".repeat(10_000) + "space" + ")".repeat(10_000);
        assertThatThrownBy(() -> QueryParser.parse(deep)).isInstanceOfSatisfying(QuerySyntaxException.class,
                e -> assertThat(e.getMessage()).contains("nests deeper"));
        String many = String.join(" OR ", java.util.Collections.nCopies(QueryParser.MAX_TERMS + 1, "moon"));
        assertThatThrownBy(() -> QueryParser.parse(many)).isInstanceOfSatisfying(QuerySyntaxException.class,
                e -> assertThat(e.getMessage()).contains("more than " + QueryParser.MAX_TERMS));
        assertThat(QueryParser.parse("(".repeat(QueryParser.MAX_DEPTH - 1) + "space" + ")".repeat(QueryParser.MAX_DEPTH - 1)))
                .isEqualTo(new Query.Term(Field.KEYWORD, "space", QueryParser.MAX_DEPTH - 1));
        String deepNots = "NOT ".repeat(10_000) + "space";
        assertThatThrownBy(() -> QueryParser.parse(deepNots)).isInstanceOf(QuerySyntaxException.class);
    }
}
