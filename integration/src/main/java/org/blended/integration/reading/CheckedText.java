package org.blended.integration.reading;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import org.blended.integration.submission.StorableText;

/**
 * Reads every text of a submission, refusing the two a record cannot hold: the NUL character
 * (PostgreSQL refuses it in text) and an unpaired UTF-16 surrogate (no encoding can write it, so
 * it could be stored mangled but never answered). The field is reported and read as absent.
 */
final class CheckedText extends StdScalarDeserializer<String> {

    CheckedText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = StringDeserializer.instance.deserialize(p, ctxt);
        int at = text == null ? -1 : StorableText.firstUnstorable(text);
        if (at < 0) {
            return text;
        }
        char c = text.charAt(at);
        FieldProblemCollector.record(ctxt, FieldProblemCollector.path(p.getParsingContext()), c == '\0'
                ? "must not contain the NUL character (\\u0000)"
                : String.format("is not valid text: it holds half of a character (an unpaired surrogate, \\u%04x)", (int) c));
        return null;
    }
}
