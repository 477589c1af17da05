package org.compliancerunner.language;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.jspecify.annotations.Nullable;

/**
 * The languages phrase rules can be written in: BCP 47 primary tags, each with its Lucene analyzer (stop-word
 * removal off, because every word of a phrase counts) and, for Russian and English, a lemma dictionary.
 */
public final class Languages {

    /** A pack or rule that takes each transcript's own language. */
    public static final String AUTO = "auto";

    /** One supported language: how to build its stemming analyzer and its stop words (used to detect it). */
    record Support(String code, String name, Function<CharArraySet, Analyzer> analyzer,
                   Supplier<CharArraySet> stopWords, @Nullable String dictionary) {
    }

    private static final Map<String, Support> SUPPORTED = new LinkedHashMap<>();

    static {
        add("ru", "Russian", RussianAnalyzer::new, RussianAnalyzer::getDefaultStopSet,
                "org/languagetool/resource/ru/russian.dict");
        // the analyzer's 33 stop words are too few to recognise English by; Snowball's list has 170
        add("en", "English", EnglishAnalyzer::new, () -> snowballStopWords("english_stop.txt"),
                "org/languagetool/resource/en/english.dict");
        add("ar", "Arabic", ArabicAnalyzer::new, ArabicAnalyzer::getDefaultStopSet, null);
        add("bg", "Bulgarian", BulgarianAnalyzer::new, BulgarianAnalyzer::getDefaultStopSet, null);
        add("bn", "Bengali", BengaliAnalyzer::new, BengaliAnalyzer::getDefaultStopSet, null);
        add("ca", "Catalan", CatalanAnalyzer::new, CatalanAnalyzer::getDefaultStopSet, null);
        add("ckb", "Central Kurdish", SoraniAnalyzer::new, SoraniAnalyzer::getDefaultStopSet, null);
        add("cs", "Czech", CzechAnalyzer::new, CzechAnalyzer::getDefaultStopSet, null);
        add("da", "Danish", DanishAnalyzer::new, DanishAnalyzer::getDefaultStopSet, null);
        add("de", "German", GermanAnalyzer::new, GermanAnalyzer::getDefaultStopSet, null);
        add("el", "Greek", GreekAnalyzer::new, GreekAnalyzer::getDefaultStopSet, null);
        add("es", "Spanish", SpanishAnalyzer::new, SpanishAnalyzer::getDefaultStopSet, null);
        add("et", "Estonian", EstonianAnalyzer::new, EstonianAnalyzer::getDefaultStopSet, null);
        add("eu", "Basque", BasqueAnalyzer::new, BasqueAnalyzer::getDefaultStopSet, null);
        add("fa", "Persian", PersianAnalyzer::new, PersianAnalyzer::getDefaultStopSet, null);
        add("fi", "Finnish", FinnishAnalyzer::new, FinnishAnalyzer::getDefaultStopSet, null);
        add("fr", "French", FrenchAnalyzer::new, FrenchAnalyzer::getDefaultStopSet, null);
        add("ga", "Irish", IrishAnalyzer::new, IrishAnalyzer::getDefaultStopSet, null);
        add("gl", "Galician", GalicianAnalyzer::new, GalicianAnalyzer::getDefaultStopSet, null);
        add("hi", "Hindi", HindiAnalyzer::new, HindiAnalyzer::getDefaultStopSet, null);
        add("hu", "Hungarian", HungarianAnalyzer::new, HungarianAnalyzer::getDefaultStopSet, null);
        add("hy", "Armenian", ArmenianAnalyzer::new, ArmenianAnalyzer::getDefaultStopSet, null);
        add("id", "Indonesian", IndonesianAnalyzer::new, IndonesianAnalyzer::getDefaultStopSet, null);
        add("it", "Italian", ItalianAnalyzer::new, ItalianAnalyzer::getDefaultStopSet, null);
        add("lt", "Lithuanian", LithuanianAnalyzer::new, LithuanianAnalyzer::getDefaultStopSet, null);
        add("lv", "Latvian", LatvianAnalyzer::new, LatvianAnalyzer::getDefaultStopSet, null);
        add("ne", "Nepali", NepaliAnalyzer::new, NepaliAnalyzer::getDefaultStopSet, null);
        add("nl", "Dutch", DutchAnalyzer::new, DutchAnalyzer::getDefaultStopSet, null);
        add("no", "Norwegian", NorwegianAnalyzer::new, NorwegianAnalyzer::getDefaultStopSet, null);
        add("pt", "Portuguese", PortugueseAnalyzer::new, PortugueseAnalyzer::getDefaultStopSet, null);
        add("ro", "Romanian", RomanianAnalyzer::new, RomanianAnalyzer::getDefaultStopSet, null);
        add("sr", "Serbian", SerbianAnalyzer::new, SerbianAnalyzer::getDefaultStopSet, null);
        add("sv", "Swedish", SwedishAnalyzer::new, SwedishAnalyzer::getDefaultStopSet, null);
        add("ta", "Tamil", TamilAnalyzer::new, TamilAnalyzer::getDefaultStopSet, null);
        add("te", "Telugu", TeluguAnalyzer::new, TeluguAnalyzer::getDefaultStopSet, null);
        add("tr", "Turkish", TurkishAnalyzer::new, TurkishAnalyzer::getDefaultStopSet, null);
    }

    /** The codes of {@link #supported()} as a constant, for command help texts (a test keeps the two equal). */
    public static final String CODES = "ru, en, ar, bg, bn, ca, ckb, cs, da, de, el, es, et, eu, fa, fi, fr, ga, gl, "
            + "hi, hu, hy, id, it, lt, lv, ne, nl, no, pt, ro, sr, sv, ta, te, tr";

    private static final Map<String, WordAnalyzer> ANALYZERS = new ConcurrentHashMap<>();

    private Languages() {
    }

    private static void add(String code, String name, Function<CharArraySet, Analyzer> analyzer,
                            Supplier<CharArraySet> stopWords, @Nullable String dictionary) {
        SUPPORTED.put(code, new Support(code, name, analyzer, stopWords, dictionary));
    }

    private static CharArraySet snowballStopWords(String resource) {
        try (Reader reader = IOUtils.getDecodingReader(SnowballFilter.class, resource, StandardCharsets.UTF_8)) {
            return WordlistLoader.getSnowballWordSet(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lucene's " + resource, e);
        }
    }

    /** The supported codes, Russian and English (with dictionaries) first. */
    public static List<String> supported() {
        return List.copyOf(SUPPORTED.keySet());
    }

    /** "ru (Russian, lemmas + stems), en (English, lemmas + stems), ar (Arabic, stems), …" for help and errors. */
    public static String describe() {
        StringBuilder text = new StringBuilder();
        for (Support support : SUPPORTED.values()) {
            text.append(text.length() == 0 ? "" : ", ").append(support.code()).append(" (").append(support.name())
                    .append(support.dictionary() == null ? ")" : ", with lemmas)");
        }
        return text.toString();
    }

    /** Whether {@code code} is an ISO 639 language code at all, supported or not. */
    public static boolean isLanguageCode(@Nullable String code) {
        if (code == null || !code.matches("[a-z]{2,3}")) {
            return false;
        }
        return SUPPORTED.containsKey(code) || Set.of(Locale.getISOLanguages()).contains(code)
                || !new Locale(code).getDisplayLanguage(Locale.ENGLISH).equals(code);
    }

    public static boolean isSupported(String code) {
        return SUPPORTED.containsKey(code);
    }

    /** The analyzer of a supported language, built once. */
    public static Optional<WordAnalyzer> analyzer(@Nullable String code) {
        Support support = code == null ? null : SUPPORTED.get(code);
        if (support == null) {
            return Optional.empty();
        }
        return Optional.of(ANALYZERS.computeIfAbsent(code, c -> new WordAnalyzer(c,
                support.analyzer().apply(CharArraySet.EMPTY_SET),
                support.dictionary() == null ? null : LemmaDictionary.load(support.dictionary()))));
    }

    static Map<String, Support> all() {
        return SUPPORTED;
    }
}
