/*
 * On Confluence's admin pages (web-resource context atl.admin): asks the app whether a system administrator
 * should decide about the usage report and, if so, shows an AUI message linking to the settings page.
 * The endpoint answers 401/403 to anyone else; then nothing is shown. Texts come from the endpoint.
 */
(function () {
    'use strict';

    function show(answer) {
        if (!answer || answer.show !== true || document.getElementById('sql-tables-usage-notice')) {
            return;
        }
        if (window.location.pathname.indexOf('/plugins/servlet/sql-tables/admin/settings') !== -1) {
            return; // The settings page itself says that no decision was made.
        }
        var box = document.createElement('div');
        box.id = 'sql-tables-usage-notice';
        box.className = 'aui-message aui-message-info';
        var text = document.createElement('p');
        text.appendChild(document.createTextNode(answer.message + ' '));
        var link = document.createElement('a');
        link.href = answer.url;
        link.appendChild(document.createTextNode(answer.link));
        text.appendChild(link);
        box.appendChild(text);
        var target = document.querySelector('#main-content, .aui-page-panel-content, #content, main') || document.body;
        target.insertBefore(box, target.firstChild);
    }

    function load() {
        var base = (window.AJS && AJS.contextPath) ? AJS.contextPath() : '';
        var request = new XMLHttpRequest();
        request.open('GET', base + '/plugins/servlet/sql-tables/usage-report/notice');
        request.setRequestHeader('Accept', 'application/json');
        request.onload = function () {
            if (request.status === 200) {
                try {
                    show(JSON.parse(request.responseText));
                } catch (e) {
                    // A broken answer must never break an admin page.
                }
            }
            // Lets tests (and curious admins) tell "answered, nothing to show" from "not answered yet".
            document.documentElement.setAttribute('data-sql-tables-usage-notice', String(request.status));
        };
        request.send();
    }

    if (window.AJS && AJS.toInit) {
        AJS.toInit(load);
    } else if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', load);
    } else {
        load();
    }
}());
