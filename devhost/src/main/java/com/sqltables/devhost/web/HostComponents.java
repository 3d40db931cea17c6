package com.sqltables.devhost.web;

import com.sqltables.devhost.content.ContentService;
import com.sqltables.devhost.mail.EmbeddedSmtpServer;
import com.sqltables.devhost.spi.HostEnvironment;
import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.devhost.spi.UserDirectory;

/** What the host's servlets share. */
public record HostComponents(HostEnvironment environment, UserDirectory users, ContentService content,
                             PluginSystem plugins, EmbeddedSmtpServer smtp, Layout layout) {
}
