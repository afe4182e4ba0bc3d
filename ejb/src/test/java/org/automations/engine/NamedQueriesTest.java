package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.NamedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationTaskModel;
import org.junit.jupiter.api.Test;

/**
 * The named queries stay within what every provider accepts (EclipseLink on Payara, Hibernate on
 * WildFly): Hibernate refuses an alias on a fetch join, which the JPA specification does not allow.
 */
class NamedQueriesTest {

    private static final Pattern ALIASED_FETCH_JOIN =
            Pattern.compile("JOIN FETCH [\\w.]+ (?!WHERE\\b|JOIN\\b|LEFT\\b|ORDER\\b)\\w+", Pattern.CASE_INSENSITIVE);

    @Test
    void noFetchJoinHasAnAlias() {
        List<String> queries = new ArrayList<>();
        for (Class<?> entity : List.of(AutomationModel.class, AutomationTaskModel.class)) {
            for (NamedQuery query : entity.getAnnotationsByType(NamedQuery.class)) {
                queries.add(query.name() + ": " + query.query());
            }
        }

        assertThat(queries).hasSizeGreaterThan(10).noneMatch(query -> ALIASED_FETCH_JOIN.matcher(query).find());
        assertThat(ALIASED_FETCH_JOIN.matcher("SELECT t FROM T t JOIN FETCH t.automation a WHERE x").find()).isTrue();
    }
}
