package org.compliancerunner.catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where ingest may read media from and how much it may download.
 *
 * @param roots           directories ingest may read; empty means the working directory and $COMPLIANCE_HOME/media
 * @param maxDownloadSize largest http(s) download accepted
 * @param downloadTimeout longest an http(s) download may take
 * @param allowPrivateAddresses whether URIs registered through the REST API may lead to loopback, link-local or
 *                              private addresses (off: such a URI could reach services inside the network)
 * @param allowedHosts      host names the REST API may fetch from even when they resolve to such addresses
 */
@Validated
@ConfigurationProperties("compliance.media")
public record MediaProperties(
        List<Path> roots,
        @NotNull @DefaultValue("4GB") DataSize maxDownloadSize,
        @NotNull @DefaultValue("30m") Duration downloadTimeout,
        @DefaultValue("false") boolean allowPrivateAddresses,
        List<String> allowedHosts) {

    public MediaProperties {
        roots = roots == null ? List.of() : List.copyOf(roots);
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
