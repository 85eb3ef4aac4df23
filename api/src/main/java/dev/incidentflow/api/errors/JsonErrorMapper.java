package dev.incidentflow.api.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.incidentflow.api.json.ErrorJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A body that is not the JSON asked for: 400 naming the field and the problem. */
public final class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {
  @Override
  public Response toResponse(JsonProcessingException exception) {
    String detail;
    if (exception instanceof JsonParseException parse) {
      detail =
          "malformed JSON at line "
              + parse.getLocation().getLineNr()
              + ", column "
              + parse.getLocation().getColumnNr()
              + ": "
              + parse.getOriginalMessage();
    } else if (exception instanceof JsonMappingException mapping) {
      String field =
          mapping.getPath().stream()
              .map(
                  reference ->
                      reference.getFieldName() != null
                          ? reference.getFieldName()
                          : "[" + reference.getIndex() + "]")
              .collect(Collectors.joining("."));
      String problem =
          exception instanceof InvalidFormatException invalid
              ? "'" + invalid.getValue() + "' is not " + inJson(invalid.getTargetType())
              : exception instanceof MismatchedInputException mismatched
                      && mismatched.getTargetType() != null
                  ? "expected " + inJson(mismatched.getTargetType())
                  : mapping.getOriginalMessage();
      detail = field.isEmpty() ? problem : field.replace(".[", "[") + ": " + problem;
    } else {
      detail = exception.getOriginalMessage();
    }
    return Response.status(400)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorJson("invalid JSON body", List.of(detail)))
        .build();
  }

  /** What a sender must write for a field of {@code type}, in JSON's words, not Java's. */
  static String inJson(Class<?> type) {
    if (Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type)
        || (type.isPrimitive() && type != boolean.class && type != char.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return "an object";
  }
}
