package com.sqltables.confluence.macro;

import com.atlassian.confluence.core.ContentEntityObject;
import com.atlassian.sal.api.user.UserKey;

/** A saved page as Confluence hands it to a macro: id, last modifier and storage-format body. */
final class TestPage extends ContentEntityObject {

    TestPage(long id, UserKey lastModifier, String storageBody) {
        setId(id);
        setTitle("Test page " + id);
        setLastModifier(lastModifier == null ? null : () -> lastModifier);
        setBodyAsString(storageBody);
    }

    @Override
    public String getType() {
        return "page";
    }

    /** @return storage format holding one sql-table macro with this SQL as its body */
    static String storageWithSql(String sql) {
        return "<p>Report</p><ac:structured-macro ac:name=\"sql-table\" ac:schema-version=\"1\">"
                + "<ac:parameter ac:name=\"datasource\">Sales</ac:parameter><ac:plain-text-body><![CDATA["
                + sql.replace("]]>", "]]]]><![CDATA[>") + "]]></ac:plain-text-body></ac:structured-macro>";
    }
}
