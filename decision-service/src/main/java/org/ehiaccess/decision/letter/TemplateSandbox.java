package org.ehiaccess.decision.letter;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Expression;
import io.quarkus.qute.IfSectionHelper;
import io.quarkus.qute.LoopSectionHelper;
import io.quarkus.qute.Mapper;
import io.quarkus.qute.Results;
import io.quarkus.qute.SectionBlock;
import io.quarkus.qute.SectionNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.ValueResolver;

/**
 * The engine clinic letter templates run in: the documented placeholders ({@link LetterDataModel#NAMES}), {@code {#if}}
 * and {@code {#for}}/{@code {#each}} over {@code decision.exceptions}, and nothing else. A template is written by a
 * clinic administrator and previewed by them, so it must not reach the server's configuration, beans or classes: the
 * engine is built here rather than taken from the application (which has the {@code config:}, {@code inject:} and
 * {@code cdi:} namespaces, reflection and method calls), it knows no namespace, no {@code {#include}},
 * {@code {#insert}}, {@code {#let}} or other section, and its only resolver reads keys of the data model's maps. On
 * top of that every expression is checked against the list before anything is rendered, so a refusal names the
 * offending expression.
 */
final class TemplateSandbox {

    /** A documented list and the names each of its items has. */
    static final Map<String, Set<String>> LISTS = Map.of("decision.exceptions", Set.of("id", "name"));

    /** Iteration metadata a {@code {#for e in ...}} offers as {@code e_hasNext} and so on. */
    static final Set<String> LOOP_METADATA = Set.of("count", "index", "hasNext", "isFirst", "isLast");

    private static final Set<String> NAMES = LetterDataModel.NAMES.stream().map(LetterDataModel.Name::name)
            .collect(Collectors.toUnmodifiableSet());

    static final String ALLOWED = "a letter template can use only the names of the letter data model, {#if}, and"
            + " {#for} or {#each} over decision.exceptions";

    private final Engine engine = Engine.builder()
            .addSectionHelper(new IfSectionHelper.Factory())
            .addSectionHelper(new LoopSectionHelper.Factory())
            .addValueResolver(new DataModelResolver())
            .removeStandaloneLines(true)
            .strictRendering(true)
            .build();

    /** Parses and checks a template; a {@link LetterRenderer.TemplateProblem} names what is not allowed. */
    Template parse(String text) {
        Template template;
        try {
            template = engine.parse(text);
        } catch (TemplateException e) {
            throw new LetterRenderer.TemplateProblem(describe(e) + " (" + ALLOWED + ")", e);
        }
        if (!template.getParameterDeclarations().isEmpty()) {
            throw new LetterRenderer.TemplateProblem("{@" + template.getParameterDeclarations().get(0).getKey()
                    + " ...} is not allowed: " + ALLOWED, null);
        }
        check(template.getRootNode(), Set.of());
        return template;
    }

    /** Renders a checked template against the model of {@link LetterData#model()}. */
    String render(String text, Map<String, Object> model) {
        Template template = parse(text);
        try {
            return template.data(model).render();
        } catch (TemplateException e) {
            throw new LetterRenderer.TemplateProblem(describe(e), e);
        }
    }

    private static void check(TemplateNode node, Set<String> aliases) {
        if (node.isExpression()) {
            check(node.getExpressions().get(0), aliases);
            return;
        }
        if (!node.isSection()) {
            return;
        }
        SectionNode section = node.asSection();
        boolean loop = section.getHelper() instanceof LoopSectionHelper;
        for (SectionBlock block : section.getBlocks()) {
            for (Expression expression : block.expressions.values()) {
                check(expression, aliases);
            }
            Set<String> inner = aliases;
            if (loop && block == section.getBlocks().get(0)) {
                Expression iterable = block.expressions.values().stream().findFirst().orElse(null);
                String over = iterable == null ? "" : path(iterable);
                if (!LISTS.containsKey(over)) {
                    String shown = iterable == null ? "nothing" : "{" + iterable.toOriginalString() + "}";
                    throw new LetterRenderer.TemplateProblem("{#" + section.getName() + "} over " + shown
                            + " is not allowed: " + ALLOWED, null);
                }
                // {#each} has no alias of its own: Qute marks it as an empty parameter and uses "it"
                String alias = block.parameters.get("alias");
                if (alias == null || alias.isBlank() || alias.startsWith("$")) {
                    alias = "it";
                }
                inner = new HashSet<>(aliases);
                inner.add(alias + "\u0000" + over);
            }
            for (TemplateNode child : block.nodes) {
                check(child, inner);
            }
        }
    }

    private static void check(Expression expression, Set<String> aliases) {
        if (expression.isLiteral()) {
            return;
        }
        String shown = "{" + expression.toOriginalString() + "}";
        if (expression.hasNamespace()) {
            throw new LetterRenderer.TemplateProblem(shown + " is not allowed: no namespace ("
                    + expression.getNamespace() + ":) can be used; " + ALLOWED, null);
        }
        for (Expression.Part part : expression.getParts()) {
            if (part.isVirtualMethod()) {
                throw new LetterRenderer.TemplateProblem(shown + " is not allowed: no method can be called; " + ALLOWED,
                        null);
            }
        }
        if (!allowed(expression.getParts(), aliases)) {
            throw new LetterRenderer.TemplateProblem(shown + " is not a placeholder of the letter data model", null);
        }
    }

    private static boolean allowed(List<Expression.Part> parts, Set<String> aliases) {
        String path = parts.stream().map(Expression.Part::getName).collect(Collectors.joining("."));
        if (NAMES.contains(path)) {
            return true;
        }
        for (String scoped : aliases) {
            String alias = scoped.substring(0, scoped.indexOf('\u0000'));
            String list = scoped.substring(scoped.indexOf('\u0000') + 1);
            if (parts.size() == 2 && parts.get(0).getName().equals(alias)
                    && LISTS.get(list).contains(parts.get(1).getName())) {
                return true;
            }
            if (parts.size() == 1 && parts.get(0).getName().startsWith(alias + "_")
                    && LOOP_METADATA.contains(parts.get(0).getName().substring(alias.length() + 1))) {
                return true;
            }
        }
        return false;
    }

    private static String path(Expression expression) {
        if (expression.hasNamespace() || expression.isLiteral()
                || expression.getParts().stream().anyMatch(Expression.Part::isVirtualMethod)) {
            return "";
        }
        return expression.getParts().stream().map(Expression.Part::getName).collect(Collectors.joining("."));
    }

    static String describe(TemplateException e) {
        String message = e.getMessage() == null ? "is not a valid template" : e.getMessage();
        // Qute names the template by a generated id; what matters to a person is the line and the problem
        return message.replaceAll("\\s+", " ").strip();
    }

    /**
     * Reads a key of one of the data model's maps, or an iteration's element and metadata; nothing else (no
     * properties or methods of any object, no {@code keys}, {@code size} or {@code get(...)} of a map).
     */
    private static final class DataModelResolver implements ValueResolver {

        @Override
        public boolean appliesTo(EvalContext context) {
            Object base = context.getBase();
            return context.getParams().isEmpty() && (base instanceof Map<?, ?>
                    || base instanceof Mapper && base.getClass().getEnclosingClass() == LoopSectionHelper.class);
        }

        @Override
        public CompletionStage<Object> resolve(EvalContext context) {
            if (context.getBase() instanceof Map<?, ?> map) {
                return map.containsKey(context.getName()) ? CompletedStage.of(map.get(context.getName()))
                        : Results.notFound(context);
            }
            return ((Mapper) context.getBase()).getAsync(context.getName());
        }
    }
}
