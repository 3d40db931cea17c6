package com.sqltables.confluence.macro;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class OutputModeTest {

    @Test
    public void of_exportAndMessageTypes_getTheStaticTable() {
        for (String type : new String[] {"pdf", "word", "html_export", "email", "feed", "diff", "PDF"}) {
            assertTrue(type, OutputMode.of(type).isStaticTable());
        }
    }

    @Test
    public void of_viewingAndPreview_areInteractive() {
        assertEquals(OutputMode.PAGE, OutputMode.of("display"));
        assertEquals(OutputMode.PAGE, OutputMode.of(null));
        assertEquals(OutputMode.PAGE, OutputMode.of("something-new"));
        assertEquals(OutputMode.PREVIEW, OutputMode.of("preview"));
        assertFalse(OutputMode.of("preview").isStaticTable());
    }

    @Test
    public void of_groupsTheTypes() {
        assertEquals(OutputMode.EXPORT, OutputMode.of("word"));
        assertEquals(OutputMode.NOTIFICATION, OutputMode.of("feed"));
        assertEquals(OutputMode.DIFF, OutputMode.of("diff"));
    }
}
