package org.okrpm.gateway.openapi;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.okrpm.gateway.routing.Owner;

/**
 * The merged document at build time: the same {@link OpenApiMerger} over the documents each service stored in
 * {@code target/openapi/openapi.json} when it was built, in the order the running gateway merges them. The
 * end-to-end build writes it and generates its clients from it; a test checks that the running gateway serves
 * exactly this document. Arguments: the repository root and the file to write.
 */
public final class MergedOpenApiFile {

    private MergedOpenApiFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: MergedOpenApiFile <repository root> <output file>");
        }
        Path root = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Map<String, JsonObject> owners = new LinkedHashMap<>();
        for (Owner owner : Owner.values()) {
            owners.put(owner.serviceName(), read(root, owner.serviceName()));
        }
        JsonObject merged = OpenApiMerger.merge(read(root, "gateway"), owners);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, merged.encodePrettily());
    }

    private static JsonObject read(Path root, String module) throws IOException {
        Path stored = root.resolve(module).resolve("target/openapi/openapi.json");
        if (!Files.isRegularFile(stored)) {
            throw new IOException(stored + " is missing: build " + module + " first");
        }
        return new JsonObject(Files.readString(stored));
    }
}
