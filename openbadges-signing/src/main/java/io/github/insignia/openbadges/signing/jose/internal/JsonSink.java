package io.github.insignia.openbadges.signing.jose.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where a JWT payload is written: {@link FastJsonSink} for the common credential, or {@link
 * Jackson} for everything (the two write the same bytes where both write, which a test checks).
 * The writer of a payload writes it through one sink; when the fast one gives up it starts again
 * with Jackson's.
 */
public interface JsonSink {
  /** Opens an object. */
  void startObject();

  /** Closes the object opened last. */
  void endObject();

  /** A member name. */
  void fieldName(String name);

  /** A whole JSON tree, as a value. */
  void tree(JsonNode node);

  /** A member with a string value. */
  void stringField(String name, String value);

  /** A member with an integer value. */
  void numberField(String name, long value);

  /** What was written, once the root is closed. */
  byte[] toByteArray();

  /** Jackson's generator. Not thread-safe: one per payload. */
  final class Jackson implements JsonSink {
    private final ObjectMapper mapper;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    private final JsonGenerator generator;

    /** A sink over a generator of {@code mapper}, whose tree serialization writes {@link #tree}. */
    public Jackson(ObjectMapper mapper) {
      this.mapper = mapper;
      try {
        this.generator = mapper.createGenerator(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void startObject() {
      run(generator::writeStartObject);
    }

    @Override
    public void endObject() {
      run(generator::writeEndObject);
    }

    @Override
    public void fieldName(String name) {
      run(() -> generator.writeFieldName(name));
    }

    @Override
    public void tree(JsonNode node) {
      run(() -> mapper.writeTree(generator, node));
    }

    @Override
    public void stringField(String name, String value) {
      run(() -> generator.writeStringField(name, value));
    }

    @Override
    public void numberField(String name, long value) {
      run(() -> generator.writeNumberField(name, value));
    }

    @Override
    public byte[] toByteArray() {
      run(generator::close);
      return out.toByteArray();
    }

    private interface Write {
      void run() throws IOException;
    }

    private static void run(Write write) {
      try {
        write.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
