/*
 * SQL Tables admin screen: delete confirmations and "Test connection". Texts shown come from the server and are
 * inserted as text nodes, never as HTML.
 */
(function () {
    'use strict';

    function message(container, kind, lines) {
        container.textContent = '';
        var box = document.createElement('div');
        box.className = 'aui-message aui-message-' + kind;
        lines.forEach(function (line) {
            if (line) {
                var p = document.createElement('p');
                p.textContent = line;
                box.appendChild(p);
            }
        });
        container.appendChild(box);
    }

    /*
     * Field errors arrive keyed by the form field's name (jdbcUrl, parameters[0].name); an administrator knows
     * the field by its label, so name it by the label of the input it belongs to where there is one.
     */
    function fieldErrorLines(form, fieldErrors) {
        if (!fieldErrors) {
            return [];
        }
        return Object.keys(fieldErrors).map(function (field) {
            return fieldLabel(form, field) + ': ' + fieldErrors[field];
        });
    }

    function fieldLabel(form, field) {
        var input = form.elements.namedItem(field);
        var id = input && input.id;
        var label = id ? form.querySelector('label[for="' + id + '"]') : null;
        return label ? label.textContent.trim() : field;
    }

    function testConnection(button) {
        var form = button.form;
        var result = document.getElementById('ds-test-result');
        var body = new URLSearchParams(new FormData(form));
        button.disabled = true;
        message(result, 'info', ['\u2026']);
        fetch(button.getAttribute('data-url'), {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'X-Atlassian-Token': 'no-check', 'Content-Type': 'application/x-www-form-urlencoded'},
            body: body.toString()
        }).then(function (response) {
            return response.json();
        }).then(function (answer) {
            var lines = [answer.message || answer.error];
            if (answer.databaseProduct) {
                // The success message already names the product; repeating it reads like a second result.
                var product = lines[0] && lines[0].indexOf(answer.databaseProduct) >= 0 ? '' : answer.databaseProduct + ' \u2014 ';
                lines.push(product + answer.roundTripMillis + ' ms');
            }
            lines = lines.concat(fieldErrorLines(form, answer.fieldErrors));
            message(result, answer.success ? (answer.writeWarning ? 'warning' : 'success') : 'error', lines);
            if (answer.writeWarning) {
                var warning = document.createElement('p');
                warning.textContent = answer.writeWarning;
                result.firstChild.appendChild(warning);
            }
        }).catch(function (e) {
            message(result, 'error', [String(e)]);
        }).then(function () {
            button.disabled = false;
        });
    }

    function post(url, form) {
        return fetch(url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'X-Atlassian-Token': 'no-check', 'Content-Type': 'application/x-www-form-urlencoded'},
            body: new URLSearchParams(new FormData(form)).toString()
        }).then(function (response) {
            return response.json();
        });
    }

    function cell(tag, text) {
        var element = document.createElement(tag);
        element.textContent = text === null ? 'NULL' : text;
        return element;
    }

    function preview(button) {
        var result = document.getElementById('q-preview-result');
        button.disabled = true;
        message(result, 'info', ['\u2026']);
        post(button.getAttribute('data-url'), button.form).then(function (answer) {
            if (!answer.success) {
                message(result, 'error', [answer.message || answer.error].concat(fieldErrorLines(button.form, answer.fieldErrors)));
                return;
            }
            result.textContent = '';
            var table = document.createElement('table');
            table.className = 'aui';
            var head = document.createElement('tr');
            answer.columns.forEach(function (label) {
                head.appendChild(cell('th', label));
            });
            table.appendChild(head);
            answer.rows.forEach(function (values) {
                var tr = document.createElement('tr');
                values.forEach(function (value) {
                    tr.appendChild(cell('td', value));
                });
                table.appendChild(tr);
            });
            result.appendChild(table);
            if (answer.rows.length === 0) {
                result.appendChild(cell('p', button.getAttribute('data-empty')));
            }
            if (answer.truncated) {
                result.appendChild(cell('p', button.getAttribute('data-truncated')));
            }
        }).catch(function (e) {
            message(result, 'error', [String(e)]);
        }).then(function () {
            button.disabled = false;
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        var previewButton = document.getElementById('q-preview');
        if (previewButton) {
            previewButton.addEventListener('click', function () {
                preview(previewButton);
            });
        }
        Array.prototype.forEach.call(document.querySelectorAll('form[data-confirm]'), function (form) {
            form.addEventListener('submit', function (event) {
                if (!window.confirm(form.getAttribute('data-confirm'))) {
                    event.preventDefault();
                }
            });
        });
        var test = document.getElementById('ds-test');
        if (test) {
            test.addEventListener('click', function () {
                testConnection(test);
            });
        }
    });
}());
