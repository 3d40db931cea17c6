package com.sqltables.devhost.content;

/** The space permissions the dev host knows (Confluence's VIEWSPACE and EDITSPACE). */
public enum SpacePermission {
    /** Read pages of the space. */
    VIEWSPACE,
    /** Create and edit pages of the space (implies nothing else; viewing needs VIEWSPACE too). */
    EDITSPACE
}
