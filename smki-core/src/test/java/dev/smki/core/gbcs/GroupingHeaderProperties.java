package dev.smki.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.testing.SmkiGen;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class GroupingHeaderProperties implements WithQuickTheories {

    static Gen<GroupingHeader> headers() {
        Gen<Long> counters = Generate.longRange(0, Long.MAX_VALUE);
        Gen<Optional<Instant>> times = Generate.longRange(-62_135_596_800L, 253_402_300_799L)
                .map((Long seconds) -> Instant.ofEpochSecond(seconds))
                .toOptionals(50);
        return Generate.enumValues(CraFlag.class)
                .zip(counters, SmkiGen.eui64s(), SmkiGen.eui64s(), (flag, counter, from, to) ->
                        new Object[] {flag, counter, from, to})
                .zip(
                        times,
                        Generate.range(0, 0xFFFF),
                        (a, time, code) -> new GroupingHeader(
                                (CraFlag) a[0],
                                (Long) a[1],
                                (dev.smki.core.identity.Eui64) a[2],
                                (dev.smki.core.identity.Eui64) a[3],
                                time,
                                code));
    }

    @Test
    void everyHeaderFieldReadsBackFromItsBytesWithTheContentLength() {
        qt().withExamples(2_000).forAll(headers(), Generate.range(0, 70_000)).checkAssert((header, contentLength) -> {
            byte[] bytes = header.encode(contentLength);
            GbcsReader in = GbcsReader.of(bytes);

            GroupingHeader.Read read = GroupingHeader.read(in, Trace.NONE);

            assertThat(read.header()).isEqualTo(header);
            assertThat(read.contentLength()).isEqualTo(contentLength);
            assertThat(in.hasMore()).isFalse();
            assertThat(read.craFlagOffset()).isEqualTo(2);
            assertThat(bytes[read.craFlagOffset()])
                    .isEqualTo((byte) header.craFlag().code());
            assertThat(read.messageCodeOffset()).isEqualTo(header.dateTime().isPresent() ? 43 : 31);
            assertThat(((bytes[read.messageCodeOffset()] & 0xFF) << 8) | (bytes[read.messageCodeOffset() + 1] & 0xFF))
                    .isEqualTo(header.messageCode());
        });
    }

    @Test
    void everyFieldIsTracedWithTheOffsetAndLengthItHas() {
        qt().withExamples(200).forAll(headers()).checkAssert(header -> {
            byte[] bytes = header.encode(300);
            FieldTree tree = new FieldTree();

            GroupingHeader.read(GbcsReader.of(bytes), tree);

            int end = 0;
            for (Field field : tree.fields()) {
                assertThat(field.offset()).as(field.name()).isEqualTo(end);
                end = field.end();
            }
            assertThat(end).isEqualTo(bytes.length);
        });
    }
}
