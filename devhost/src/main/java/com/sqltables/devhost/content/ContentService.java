package com.sqltables.devhost.content;

import com.sqltables.devhost.render.InvalidStorageFormatException;
import com.sqltables.devhost.render.PageEntity;
import com.sqltables.devhost.render.RenderContext;
import com.sqltables.devhost.render.StorageRenderer;
import com.sqltables.devhost.spi.DevUser;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Content operations on behalf of a user, with Confluence's space permissions: a space's pages are visible
 * to holders of VIEWSPACE (in the demo space: {@code confluence-users}), editable by holders of EDITSPACE
 * (the {@code author} user) and by system administrators, who may do everything. Users without VIEWSPACE
 * get 403 on a page they may not see (Confluence would say 404) and see nothing of the space in lists.
 */
public final class ContentService {
    public static final int MAX_TITLE_LENGTH = 255;

    private final ContentStore store;
    private final StorageRenderer renderer;

    public ContentService(ContentStore store, StorageRenderer renderer) {
        this.store = store;
        this.renderer = renderer;
    }

    public StorageRenderer renderer() {
        return renderer;
    }

    public boolean canView(DevUser user, Space space) {
        return user != null && (user.systemAdmin() || permissions(user, space).contains(SpacePermission.VIEWSPACE));
    }

    public boolean canEdit(DevUser user, Space space) {
        if (user == null) {
            return false;
        }
        if (user.systemAdmin()) {
            return true;
        }
        Set<SpacePermission> held = permissions(user, space);
        return held.contains(SpacePermission.VIEWSPACE) && held.contains(SpacePermission.EDITSPACE);
    }

    /** Spaces the user may view, by key. */
    public List<Space> visibleSpaces(DevUser user) {
        return store.spaces().stream().filter(s -> canView(user, s)).collect(Collectors.toList());
    }

    public Space space(DevUser user, String key) {
        Space space = store.space(key).orElseThrow(() -> ContentException.notFound("No space with key : " + key));
        if (!canView(user, space)) {
            throw ContentException.forbidden("You are not permitted to view space " + key);
        }
        return space;
    }

    public Page page(DevUser user, long id) {
        Page page = store.page(id).orElseThrow(() -> ContentException.notFound(ContentStore.noContent(id)));
        requireView(user, page.spaceKey());
        return page;
    }

    public Optional<Page> pageByTitle(DevUser user, String spaceKey, String title) {
        Space space = space(user, spaceKey);
        return store.page(space.key(), title);
    }

    /** Pages visible to the user, optionally of one space and/or one title. */
    public List<PageSummary> pages(DevUser user, String spaceKey, String title) {
        Set<String> visible = visibleSpaces(user).stream().map(Space::key).collect(Collectors.toSet());
        if (spaceKey != null && !visible.contains(spaceKey)) {
            return List.of();
        }
        return store.pages(spaceKey, title).stream().filter(p -> visible.contains(p.spaceKey()))
                .collect(Collectors.toList());
    }

    /** A page's summary without permission checks (for pages already known visible, e.g. a space's home page). */
    public Optional<PageSummary> summary(long id) {
        return store.summary(id);
    }

    public List<PageSummary> ancestors(Page page) {
        return store.ancestors(page);
    }

    public List<PageSummary> children(Page page) {
        return store.children(page.id());
    }

    public Page create(DevUser user, String spaceKey, String title, String storage, Long parentId) {
        if (spaceKey == null || spaceKey.isBlank()) {
            throw ContentException.badRequest("Could not create content with no space");
        }
        Space space = store.space(spaceKey).orElseThrow(
                () -> ContentException.badRequest("No space with key : " + spaceKey));
        requireEdit(user, space);
        String cleanTitle = validTitle(title);
        validate(storage);
        if (parentId != null) {
            Page parent = store.page(parentId).orElseThrow(
                    () -> ContentException.badRequest("Could not find parent page with id " + parentId));
            if (parent.spaceId() != space.id()) {
                throw ContentException.badRequest("The parent page " + parentId + " is not in space " + spaceKey);
            }
        }
        requireFreeTitle(space, cleanTitle, null);
        return store.create(space.id(), parentId, cleanTitle, storage, user.key());
    }

    /**
     * Stores a new version. {@code newVersion} must be the current version plus one (Confluence's rule),
     * otherwise the update is refused as a conflict.
     */
    public Page update(DevUser user, long id, int newVersion, String title, String storage, String message) {
        Page current = page(user, id);
        Space space = store.spaceById(current.spaceId()).orElseThrow();
        requireEdit(user, space);
        if (newVersion != current.version() + 1) {
            throw ContentException.conflict("Version must be incremented on update. Current version is: "
                    + current.version());
        }
        String cleanTitle = title == null ? current.title() : validTitle(title);
        String body = storage == null ? current.body() : storage;
        validate(body);
        requireFreeTitle(space, cleanTitle, id);
        return store.update(id, current.version(), cleanTitle, body, user.key(), message);
    }

    public void delete(DevUser user, long id) {
        Page page = page(user, id);
        requireEdit(user, store.spaceById(page.spaceId()).orElseThrow());
        store.delete(id);
    }

    /** Renders a saved page for display (or another output type). */
    public String render(Page page, String outputType) throws InvalidStorageFormatException {
        return renderer.render(page.body(), new RenderContext(entity(page),
                page.spaceKey(), outputType));
    }

    /** Renders storage format that is not (yet) saved: an editor preview or a REST conversion. */
    public String render(String storage, Page contextPage, String spaceKey, String outputType)
            throws InvalidStorageFormatException {
        // As in Confluence, the context page is its saved version: its last modifier and body, not the caller's text.
        PageEntity entity = contextPage == null ? null : entity(contextPage);
        return renderer.render(storage, new RenderContext(entity, contextPage != null ? contextPage.spaceKey() : spaceKey,
                outputType));
    }

    private static PageEntity entity(Page page) {
        return new PageEntity(page.id(), page.title(), page.spaceKey(), page.authorKey(), page.body());
    }

    private void validate(String storage) {
        try {
            renderer.validate(storage);
        } catch (InvalidStorageFormatException e) {
            throw ContentException.badRequest("Error parsing xhtml: " + e.getMessage());
        }
    }

    private static String validTitle(String title) {
        if (title == null || title.isBlank()) {
            throw ContentException.badRequest("A page must have a title");
        }
        String trimmed = title.trim();
        if (trimmed.length() > MAX_TITLE_LENGTH) {
            throw ContentException.badRequest("Title cannot be longer than " + MAX_TITLE_LENGTH + " characters");
        }
        return trimmed;
    }

    private void requireFreeTitle(Space space, String title, Long exceptId) {
        store.page(space.key(), title).filter(p -> exceptId == null || p.id() != exceptId).ifPresent(p -> {
            throw ContentException.badRequest("A page with this title already exists: A page already exists with the "
                    + "title " + title + " in this space.");
        });
    }

    private void requireView(DevUser user, String spaceKey) {
        Space space = store.space(spaceKey).orElseThrow(() -> ContentException.notFound("No space with key : " + spaceKey));
        if (!canView(user, space)) {
            throw ContentException.forbidden("You are not permitted to view this content");
        }
    }

    private void requireEdit(DevUser user, Space space) {
        if (!canView(user, space)) {
            throw ContentException.forbidden("You are not permitted to view space " + space.key());
        }
        if (!canEdit(user, space)) {
            throw ContentException.forbidden("Could not create or edit content in space " + space.key()
                    + ": you lack the permission to add pages there");
        }
    }

    private Set<SpacePermission> permissions(DevUser user, Space space) {
        return store.permissions(space.id(), user.key(), user.groups());
    }
}
