const [cmd, ...rest] = process.argv.slice(2);
const m = await import(`/work/main/src/cli/commands/${cmd}.ts`);
process.exitCode = await m.run(rest);
