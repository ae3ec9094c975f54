// Input schemas of the three AWS Knowledge tools, matching the remote server's; unknown fields pass through to it.
import * as v from "valibot";

const httpUrl = v.pipe(
  v.string(),
  v.url("must be an absolute URL"),
  v.regex(/^https?:\/\//, "must be an http(s) URL"),
  v.description("URL of the AWS documentation page (from a search result)."),
);

/** `aws___search_documentation`: a search phrase, an optional result limit and optional topic filters. */
export const SearchDocumentationInput = v.looseObject({
  search_phrase: v.pipe(
    v.string(),
    v.minLength(1),
    v.description("What to search for, e.g. 'ECS Express Mode health check path'."),
  ),
  limit: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1),
      v.maxValue(50),
      v.description("Maximum number of results (default 5)."),
    ),
  ),
  topics: v.optional(
    v.pipe(
      v.array(v.string()),
      v.description(
        "Optional topic filters understood by the remote server (for example reference_documentation, current_awareness, troubleshooting).",
      ),
    ),
  ),
});
/** Arguments of `aws_knowledge_aws___search_documentation`. */
export type SearchDocumentationParams = v.InferInput<typeof SearchDocumentationInput>;

/** `aws___read_documentation`: one page as markdown, paged with start_index / max_length. */
export const ReadDocumentationInput = v.looseObject({
  url: httpUrl,
  max_length: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1),
      v.maxValue(1_000_000),
      v.description("Maximum characters to return (default 10000)."),
    ),
  ),
  start_index: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(0),
      v.description("Character offset to start from, to continue a long page (default 0)."),
    ),
  ),
});
/** Arguments of `aws_knowledge_aws___read_documentation`. */
export type ReadDocumentationParams = v.InferInput<typeof ReadDocumentationInput>;

/** `aws___recommend`: pages related to a documentation page (including newly released ones). */
export const RecommendInput = v.looseObject({ url: httpUrl });
/** Arguments of `aws_knowledge_aws___recommend`. */
export type RecommendParams = v.InferInput<typeof RecommendInput>;
