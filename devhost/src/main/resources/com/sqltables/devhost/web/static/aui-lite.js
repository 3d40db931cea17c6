/*
 * A small stand-in for AUI's AJS object, which cannot be downloaded here: AJS.toInit, AJS.contextPath,
 * AJS.params (from <meta name="ajs-..."> tags), AJS.I18n.getText (returns the key) and AJS.log. No jQuery.
 */
(function (global) {
    'use strict';
    var AJS = global.AJS || {};
    AJS.toInit = function (callback) {
        if (document.readyState === 'loading') {
            document.addEventListener('DOMContentLoaded', function () { callback(); });
        } else {
            callback();
        }
    };
    AJS.params = AJS.params || {};
    AJS.toInit(function () {
        var metas = document.querySelectorAll('meta[name^="ajs-"]');
        for (var i = 0; i < metas.length; i++) {
            var name = metas[i].getAttribute('name').substring(4).replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); });
            AJS.params[name] = metas[i].getAttribute('content');
        }
    });
    AJS.contextPath = function () {
        var meta = document.querySelector('meta[name="ajs-context-path"]');
        return meta ? meta.getAttribute('content') : '';
    };
    AJS.I18n = AJS.I18n || { getText: function (key) { return key; } };
    AJS.log = function () { if (global.console) { global.console.log.apply(global.console, arguments); } };
    global.AJS = AJS;
}(window));
