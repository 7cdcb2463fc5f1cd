package io.archmeter.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** One in-memory run of the pipeline, with its outputs as text and as parsed records. */
record FilterRun(FilterStats stats, String out, String rejects) {

    static FilterRun of(FilterSpec spec, String csv) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter rejects = new StringWriter();
        FilterStats stats = new FilterPipeline(spec).run(new StringReader(csv), out, rejects);
        return new FilterRun(stats, out.toString(), rejects.toString());
    }

    /** Output rows, header first. */
    List<CSVRecord> outRecords() {
        return parse(out);
    }

    /** Rejects rows, header first. */
    List<CSVRecord> rejectRecords() {
        return parse(rejects);
    }

    static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
