package org.compliancerunner.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.stereotype.Component;

/** Creates the directory multipart uploads stream into, which the servlet container requires to exist. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadLocation {

    UploadLocation(MultipartProperties multipart) throws IOException {
        if (multipart.getLocation() != null && !multipart.getLocation().isBlank()) {
            Files.createDirectories(Path.of(multipart.getLocation()));
        }
    }
}
