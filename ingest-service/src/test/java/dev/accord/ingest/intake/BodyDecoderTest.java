package dev.accord.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {

    private static final String FRENCH = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Le ministère a annoncé « une réforme ».</p></body></html>";

    @Test
    void aPageInALegacyCharsetIsReadByItsMetaCharset() {
        byte[] bytes = FRENCH.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(BodyDecoder.decode(bytes, "text/html", BodyDecoder.Declaration.HTML)).contains("ministère a annoncé « une réforme »");
        String chinese = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>中国与拉美航天合作论坛</p>";
        assertThat(BodyDecoder.decode(chinese.getBytes(Charset.forName("GBK")), null, BodyDecoder.Declaration.HTML))
                .contains("中国与拉美航天合作论坛");
    }

    @Test
    void utf8BytesOutvoteAStaleLegacyLabel() {
        String converted = "<meta charset=\"gb2312\"><p>中国与拉美航天合作论坛</p>";
        assertThat(BodyDecoder.decode(converted.getBytes(StandardCharsets.UTF_8), "text/html; charset=gb2312",
                BodyDecoder.Declaration.HTML)).contains("中国与拉美航天合作论坛");
    }

    @Test
    void aUtf8LabelOnBytesThatAreNotUtf8IsReadAsWindows1252AndBrokenBytesNeverFail() {
        byte[] bytes = "<p>caf\u00e9 \u201cquoted\u201d</p>".getBytes(Charset.forName("windows-1252"));
        assertThat(BodyDecoder.decode(bytes, "text/html; charset=utf-8", BodyDecoder.Declaration.HTML))
                .contains("café “quoted”");
        byte[] broken = {'<', 'p', '>', (byte) 0xC3, (byte) 0xFF, 'a', '<', '/', 'p', '>'};
        assertThat(BodyDecoder.decode(broken, "text/html; charset=nonsense", BodyDecoder.Declaration.HTML)).startsWith("<p>");
        assertThat(BodyDecoder.decode(new byte[0], null, BodyDecoder.Declaration.HTML)).isEmpty();
    }

    @Test
    void aFeedNamesItsCharsetInItsXmlDeclaration() {
        String feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>Réforme</title></rss>";
        assertThat(BodyDecoder.decode(feed.getBytes(StandardCharsets.ISO_8859_1), null, BodyDecoder.Declaration.XML))
                .contains("Réforme");
    }
}
