package dev.accord.alert.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.accord.alert.config.SubscriptionApiConfig;
import dev.accord.alert.subscription.FieldError;
import dev.accord.common.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the subscription API's JSON bodies strictly: a misspelt member is an error rather than
 * silently ignored (a subscriber who writes {@code "countrys"} would otherwise get every alert), and
 * every failure becomes a 400 (413 when too large) naming the member at fault.
 */
@ApplicationScoped
public class StrictJsonReader {

    private final ObjectMapper mapper;
    private final Validator validator;
    private final int maxBodyBytes;

    public StrictJsonReader(ObjectMapper mapper, Validator validator, SubscriptionApiConfig config) {
        this.mapper = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.validator = validator;
        this.maxBodyBytes = config.maxBodyBytes();
    }

    public <T> T read(String body, Class<T> type, String title) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("The request body is empty; send a JSON object.");
        }
        int size = body.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBodyBytes) {
            throw new ProblemException(413, "Payload Too Large", "The body has " + size + " bytes; at most " + maxBodyBytes
                    + " are accepted.", Map.of("maxBytes", maxBodyBytes));
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw FieldError.problem(title, List.of(new FieldError(field, "Unknown field '" + e.getPropertyName()
                    + "'; known fields here: " + known(e.getKnownPropertyIds()) + ".", null)));
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw ProblemException.badRequest("The body must be a JSON object.");
            }
            throw FieldError.problem(title, List.of(new FieldError(field, "Expected " + expected(e.getTargetType()) + ".", null)));
        } catch (JsonParseException e) {
            throw new ProblemException(400, "Malformed JSON", "Not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            String field = path(e);
            throw FieldError.problem(title, List.of(new FieldError(field.isEmpty() ? "body" : field, "Invalid value.", null)));
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "Malformed JSON", "Not valid JSON: " + e.getOriginalMessage());
        }
        if (value == null) {
            throw ProblemException.badRequest("The body must be a JSON object.");
        }
        List<FieldError> errors = validator.validate(value).stream()
                .map(v -> new FieldError(propertyPath(v), v.getMessage(), null))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw FieldError.problem(title, errors);
        }
        return value;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Bean validation paths name container elements, e.g. {@code filter.topics[0].<list element>}; the JSON path is enough. */
    private static String propertyPath(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "none" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another JSON type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }
}
