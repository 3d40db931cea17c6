package com.sqltables.devhost.plugins.testing;

/** The sample plugin the loader tests start from; each test breaks one thing. */
public final class SampleFixtures {
    public static final String KEY = "com.example.sample";

    private SampleFixtures() {
    }

    public static final String GREETING_SERVICE = """
            package com.example.sample;

            import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
            import com.atlassian.sal.api.message.I18nResolver;
            import com.atlassian.sal.api.user.UserManager;
            import com.atlassian.sal.api.user.UserProfile;
            import java.util.ArrayList;
            import java.util.List;
            import javax.inject.Inject;
            import javax.inject.Named;
            import org.springframework.beans.factory.DisposableBean;
            import org.springframework.beans.factory.InitializingBean;

            @Named
            public class GreetingService implements InitializingBean, DisposableBean {
                private final UserManager userManager;
                private final I18nResolver i18n;
                private final List<String> events = new ArrayList<>();

                @Inject
                public GreetingService(@ComponentImport UserManager userManager, @ComponentImport I18nResolver i18n) {
                    this.userManager = userManager;
                    this.i18n = i18n;
                    events.add("constructed");
                }

                public String greet() {
                    UserProfile user = userManager.getRemoteUser();
                    return i18n.getText("sample.greeting", user == null ? "anonymous" : user.getFullName());
                }

                @Override
                public void afterPropertiesSet() {
                    events.add("afterPropertiesSet");
                }

                @Override
                public void destroy() {
                    events.add("destroy");
                }

                public List<String> events() {
                    return events;
                }
            }
            """;

    public static final String HELLO_MACRO = """
            package com.example.sample;

            import com.atlassian.confluence.content.render.xhtml.ConversionContext;
            import com.atlassian.confluence.macro.Macro;
            import com.atlassian.confluence.macro.MacroExecutionException;
            import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
            import com.atlassian.templaterenderer.TemplateRenderer;
            import java.io.IOException;
            import java.io.StringWriter;
            import java.util.HashMap;
            import java.util.Map;

            public class HelloMacro implements Macro {
                private final GreetingService greetings;
                private final TemplateRenderer renderer;

                public HelloMacro(GreetingService greetings, @ComponentImport TemplateRenderer renderer) {
                    this.greetings = greetings;
                    this.renderer = renderer;
                }

                @Override
                public String execute(Map<String, String> parameters, String body, ConversionContext context)
                        throws MacroExecutionException {
                    Map<String, Object> model = new HashMap<>();
                    model.put("greeting", greetings.greet());
                    model.put("nameHtml", "<b>bold</b>");
                    model.put("raw", parameters.getOrDefault("raw", "<script>"));
                    StringWriter out = new StringWriter();
                    try {
                        renderer.render("templates/hello.vm", model, out);
                    } catch (IOException e) {
                        throw new MacroExecutionException(e);
                    }
                    return out.toString();
                }

                @Override
                public BodyType getBodyType() {
                    return BodyType.NONE;
                }

                @Override
                public OutputType getOutputType() {
                    return OutputType.BLOCK;
                }
            }
            """;

    public static final String ADMIN_SERVLET = """
            package com.example.sample;

            import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
            import com.atlassian.sal.api.user.UserManager;
            import com.atlassian.sal.api.user.UserProfile;
            import java.io.IOException;
            import javax.servlet.ServletException;
            import javax.servlet.http.HttpServlet;
            import javax.servlet.http.HttpServletRequest;
            import javax.servlet.http.HttpServletResponse;

            public class AdminServlet extends HttpServlet {
                private final UserManager userManager;

                public AdminServlet(@ComponentImport UserManager userManager) {
                    this.userManager = userManager;
                }

                @Override
                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
                    UserProfile user = userManager.getRemoteUser(request);
                    response.setContentType("text/plain");
                    response.getWriter().write("mode=" + getInitParameter("mode") + " user="
                            + (user == null ? "none" : user.getUsername())
                            + " tccl=" + (Thread.currentThread().getContextClassLoader() == getClass().getClassLoader()));
                }
            }
            """;

    public static final String SAMPLE_JOB = """
            package com.example.sample;

            import com.atlassian.scheduler.JobRunner;
            import com.atlassian.scheduler.JobRunnerRequest;
            import com.atlassian.scheduler.JobRunnerResponse;
            import java.util.concurrent.atomic.AtomicInteger;
            import javax.inject.Named;

            @Named("sampleJob")
            public class SampleJob implements JobRunner {
                private final AtomicInteger runs = new AtomicInteger();

                @Override
                public JobRunnerResponse runJob(JobRunnerRequest request) {
                    return JobRunnerResponse.success("run " + runs.incrementAndGet());
                }
            }
            """;

    public static final String DESCRIPTOR = """
            <atlassian-plugin key="com.example.sample" name="Sample Plugin" plugins-version="2">
                <plugin-info>
                    <version>1.2.3</version>
                    <param name="atlassian-data-center-status">compatible</param>
                </plugin-info>
                <resource type="i18n" name="i18n" location="i18n/sample"/>
                <xhtml-macro name="hello" key="hello-macro" class="com.example.sample.HelloMacro"/>
                <servlet key="admin-servlet" class="com.example.sample.AdminServlet">
                    <url-pattern>/sample/admin</url-pattern>
                    <init-param><param-name>mode</param-name><param-value>test</param-value></init-param>
                </servlet>
                <web-section key="sample-section" location="system.admin" weight="10">
                    <label key="sample.section.label"/>
                </web-section>
                <web-item key="sample-admin" section="system.admin/sample-section" weight="20">
                    <label key="sample.admin.label"/>
                    <link>/plugins/servlet/sample/admin</link>
                    <condition class="com.atlassian.confluence.plugin.descriptor.web.conditions.SystemAdministratorCondition"/>
                </web-item>
                <web-item key="sample-help" section="system.help/pages" weight="5">
                    <label>Sample help</label>
                    <link>/plugins/servlet/sample/help</link>
                </web-item>
                <web-resource key="sample-resources">
                    <resource type="download" name="sample.js" location="js/sample.js"/>
                    <context>sample-context</context>
                    <dependency>com.atlassian.auiplugin:ajs</dependency>
                </web-resource>
                <job-config name="Sample job" key="sampleJobConfig">
                    <job key="sampleJob" perClusterJob="true"/>
                    <schedule cron-expression="0 0 3 * * ?" jitterSecs="0"/>
                    <managed editable="true" keepingHistory="true" canRunAdhoc="true" canDisable="true"/>
                </job-config>
                <rest key="rest" path="/sample" version="1.0"/>
            </atlassian-plugin>
            """;

    /** A plugin that loads: macro, servlet, web items, web resource, managed job, i18n. */
    public static SamplePlugin goodPlugin() {
        return SamplePlugin.withKey(KEY)
                .source("com.example.sample.GreetingService", GREETING_SERVICE)
                .source("com.example.sample.HelloMacro", HELLO_MACRO)
                .source("com.example.sample.AdminServlet", ADMIN_SERVLET)
                .source("com.example.sample.SampleJob", SAMPLE_JOB)
                .descriptor(DESCRIPTOR)
                .resource("i18n/sample.properties", "sample.greeting=Hello, {0}!\nsample.admin.label=Sample Admin\n"
                        + "sample.section.label=Sample Section\n")
                .resource("templates/hello.vm", "<p>$greeting</p><div>$nameHtml</div><span>$raw</span>")
                .resource("js/sample.js", "console.log('sample');\n")
                .index("component", "com.example.sample.GreetingService", "com.example.sample.SampleJob#sampleJob")
                .index("imports", "com.atlassian.sal.api.user.UserManager", "com.atlassian.sal.api.message.I18nResolver",
                        "com.atlassian.templaterenderer.TemplateRenderer");
    }
}
