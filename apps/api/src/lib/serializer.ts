import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { z } from 'zod';

/**
 * Fastify's own way of writing responses — a serializer compiled from the route's response schema
 * (fast-json-stringify) — fed with the JSON Schema of the route's zod schema. Only the properties the
 * schema declares are written, so nothing a response object carries by accident leaves the server.
 */
export const responseSerializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) =>
  fastJsonStringify(
    z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'any' }) as never,
  );
