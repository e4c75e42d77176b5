package dev.accord.alert.filter;

import java.util.List;
import java.util.Set;

/** A filter compiled for evaluation: the same tree as a {@link Query}, with keyword patterns prepared. */
public sealed interface Condition {

    boolean test(EventDocument event);

    /** Matches every event: a subscription without any filter. */
    record Always() implements Condition {
        @Override
        public boolean test(EventDocument event) {
            return true;
        }
    }

    record AllOf(List<Condition> parts) implements Condition {
        @Override
        public boolean test(EventDocument event) {
            for (Condition part : parts) {
                if (!part.test(event)) {
                    return false;
                }
            }
            return true;
        }
    }

    record AnyOf(List<Condition> parts) implements Condition {
        @Override
        public boolean test(EventDocument event) {
            for (Condition part : parts) {
                if (part.test(event)) {
                    return true;
                }
            }
            return false;
        }
    }

    record NoneOf(Condition part) implements Condition {
        @Override
        public boolean test(EventDocument event) {
            return !part.test(event);
        }
    }

    /** Any of these values of a structured field (topic, country, org, stage); values are normalised as the event's are. */
    record ValueIn(Field field, Set<String> values) implements Condition {
        @Override
        public boolean test(EventDocument event) {
            return switch (field) {
                case TOPIC -> anyIn(event.topics());
                case COUNTRY -> anyIn(event.countries());
                case ORG -> anyIn(event.orgs());
                case STAGE -> event.stage() != null && values.contains(event.stage());
                case KEYWORD -> throw new IllegalStateException("keywords are KeywordIn conditions");
            };
        }

        private boolean anyIn(Set<String> present) {
            if (present.size() < values.size()) {
                for (String value : present) {
                    if (values.contains(value)) {
                        return true;
                    }
                }
                return false;
            }
            for (String value : values) {
                if (present.contains(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Any of these keywords or phrases occurs in the event's text. */
    record KeywordIn(List<KeywordPattern> patterns) implements Condition {
        @Override
        public boolean test(EventDocument event) {
            for (KeywordPattern pattern : patterns) {
                if (pattern.matches(event)) {
                    return true;
                }
            }
            return false;
        }
    }
}
