package org.compliancerunner.ops;

import java.nio.charset.Charset;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console's encoder: Boot's pattern for readable text, or Boot's structured JSON when {@code json} is set (from
 * {@code compliance.logging.console}, see {@link OperationsEnvironment}). One appender with either encoder, since
 * logback would warn about a second, unused appender on every start.
 */
public class ConsoleEncoder extends EncoderBase<ILoggingEvent> {

    private boolean json;
    private @Nullable String pattern;
    private @Nullable String format;
    private @Nullable Charset charset;
    private @Nullable Encoder<ILoggingEvent> delegate;

    public void setMode(@Nullable String mode) {
        this.json = "json".equalsIgnoreCase(mode == null ? "" : mode.trim());
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        if (json) {
            StructuredLogEncoder structured = new StructuredLogEncoder();
            structured.setFormat(format);
            structured.setCharset(charset);
            delegate = structured;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            text.setCharset(charset);
            delegate = text;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
